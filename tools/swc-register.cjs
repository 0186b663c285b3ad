// Runs the TypeScript sources directly (`npm start`, the CLI, benchmarks) with the same SWC
// settings as the tests, so there is no build step between a clone and a running service.
// Workspace libraries resolve through npm's workspace links (node_modules/@crm/* -> libs/*).
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const fs = require('node:fs');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled?.(true);
module.exports = Module;
