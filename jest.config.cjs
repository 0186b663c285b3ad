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
  reporters: ['default', '<rootDir>/tools/jest.summary-reporter.cjs'],
};
