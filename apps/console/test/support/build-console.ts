import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..', '..', '..');

/**
 * Builds the console with the same command as `npm run build`, into `outDir`. Vite 7 is ESM
 * only and Jest loads CommonJS, so the build runs in a child process rather than through
 * Vite's JS API.
 */
export async function buildConsole(outDir: string): Promise<void> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(root, 'apps', 'console', 'vite.config.ts');
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    maxBuffer: 10 * 1024 * 1024,
  });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html to ${outDir}`);
}

export const ARTIFACTS = join(root, 'test-artifacts', 'console');
