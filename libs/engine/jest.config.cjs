const preset = require('../../jest.preset.cjs');
// kysely 0.29 ships ES modules only: let SWC turn it into CommonJS like @nestjs and xstate
module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'engine',
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@xstate|xstate|kysely)/)'],
};
