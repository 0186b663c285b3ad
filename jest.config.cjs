// `npm test` runs every project's suite in one Jest process.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const projects = ['apps', 'libs'].flatMap((dir) =>
  readdirSync(join(__dirname, dir))
    .map((name) => join(__dirname, dir, name))
    .filter((p) => existsSync(join(p, 'jest.config.cjs'))),
);
module.exports = {
  projects,
  globalSetup: '<rootDir>/tools/jest.global-setup.cjs',
  // the whole suite shares two cores with real databases and a browser: generous, never a timing assertion
  testTimeout: 60_000,
  // Three workers, not Jest's default of one (cores − 1) that runs everything in band: most suites
  // wait on SQLite fsyncs, PostgreSQL and a browser, so three overlap well on two cores (measured
  // 2026-12-03 on a clean clone: the test step took 656 s with two, 532 s with three). Each worker
  // is recycled past 1.2 GB: one process running all 200 suites grew to 4.4 GB (each suite's module
  // registry and test apps are freed only lazily) and ran the last suites ten times slower.
  maxWorkers: 3,
  workerIdleMemoryLimit: '1200MB',
  reporters: ['default', '<rootDir>/tools/jest.summary-reporter.cjs'],
};
