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

// Every start transpiled every file again (≈ 0.4 s of a 2.3 s start-up): the output is kept in
// node_modules/.cache, keyed by the compiler's version, the options, the file's path and its
// content, so an edited file is transpiled anew and a stale entry is never used. Written to a temp
// name and renamed, so parallel processes (tests, replicas) never read half a file; a read-only
// node_modules only loses the cache. CRM_SWC_CACHE_DIR puts it elsewhere.
const crypto = require('node:crypto');
const cacheDir = process.env.CRM_SWC_CACHE_DIR || path.join(root, 'node_modules', '.cache', 'crm-swc');
const cacheSalt = `${require('@swc/core/package.json').version}\n${JSON.stringify(options)}\n`;

function transpiled(source, filename) {
  const key = crypto.createHash('sha256').update(cacheSalt).update(filename).update('\n').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { code } = transformSync(source, { ...options, filename });
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const temp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(temp, code);
      fs.renameSync(temp, cached);
    } catch {
      // no cache this time
    }
    return code;
  }
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(transpiled(fs.readFileSync(filename, 'utf8'), filename), filename);
};
process.setSourceMapsEnabled?.(true);
module.exports = Module;
