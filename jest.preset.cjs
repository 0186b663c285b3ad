// Shared by every project's jest.config.cjs. SWC compiles TypeScript and Nest 12's ESM files;
// decorator metadata is required or Nest's constructor injection yields undefined.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
module.exports = {
  testEnvironment: 'node',
  // the whole suite shares two cores with real databases and a browser: generous, never a timing assertion
  testTimeout: 60_000,
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@xstate|xstate|kysely)/)'],
  moduleNameMapper: { '^@crm/(.*)$': '<rootDir>/../../libs/$1/src/index.ts' },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
