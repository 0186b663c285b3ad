// Runs the TypeScript sources directly (`npm start`, the CLI, benchmarks) with the same SWC
// settings as the tests, so there is no build step between a clone and a running service.
// `@crm/<name>` resolves to libs/<name>/src/index.ts (as tsconfig paths and Jest do), so a library
// added since the last `npm install` needs no workspace link to be found.
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspaceLibrary(request, parent, ...rest) {
  const match = /^@crm\/([a-z0-9-]+)$/.exec(request);
  if (match) {
    const entry = path.join(root, 'libs', match[1], 'src', 'index.ts');
    if (fs.existsSync(entry)) return entry;
  }
  return originalResolve.call(this, request, parent, ...rest);
};

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
