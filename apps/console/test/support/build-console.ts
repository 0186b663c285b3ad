import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

/**
 * One build of the current sources shared by every browser suite of a run (and the next run, if
 * nothing changed): the suites run in parallel workers on two CPUs, and each building its own
 * copy cost 5–8 s of CPU apiece. The folder is named by a hash of everything the build reads,
 * so a changed source can never be served from a stale build; a lock directory makes parallel
 * suites wait for the one that builds. Callers must not delete the folder.
 */
export async function sharedConsoleBuild(): Promise<string> {
  const dir = join(tmpdir(), `crm-console-build-${sourcesHash()}`);
  if (existsSync(join(dir, 'index.html'))) return dir;
  const lock = `${dir}.lock`;
  while (!tryMkdir(lock)) {
    if (existsSync(join(dir, 'index.html'))) return dir;
    if (Date.now() - statMtime(lock) > 180_000) rmSync(lock, { recursive: true, force: true }); // a builder that died
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    if (existsSync(join(dir, 'index.html'))) return dir;
    const building = `${dir}.building-${process.pid}`;
    await buildConsole(building);
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir); // readers see a whole build or none
    pruneOtherBuilds(dir);
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const HASHED = ['apps/console/src', 'apps/console/index.html', 'apps/console/vite.config.ts', 'libs', 'package-lock.json'];

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of HASHED.flatMap((p) => filesUnder(join(root, p)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && e.name !== 'test' && e.name !== 'dist')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesUnder(join(path, e.name)));
}

function tryMkdir(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Builds of older sources, an hour old, are litter. */
function pruneOtherBuilds(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith('crm-console-build-') || path === current || name.endsWith('.lock')) continue;
    if (Date.now() - statMtime(path) > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
}

export const ARTIFACTS = join(root, 'test-artifacts', 'console');
