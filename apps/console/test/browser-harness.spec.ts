import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
/** the smallest browser suite: one server, one page */
const SPEC = 'apps/console/test/csp.e2e.spec.ts';
/** only there to end a hung run; the assertions are on how it ended, never on how long it took */
const KILL_AFTER_MS = 150_000;

interface JestRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** `jest <SPEC>` in a child process, as `npm test` would run it, with CI and CHROMIUM_PATH as given. */
async function jestOn(env: { CHROMIUM_PATH: string; CI?: 'true' }): Promise<JestRun> {
  // the parent's CI and worker id must not leak into the run under test
  const { CI: _ci, JEST_WORKER_ID: _worker, ...inherited } = process.env;
  const child = spawn(process.execPath, [JEST, SPEC], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    return { code, signal, output };
  } finally {
    clearTimeout(killer);
  }
}

/** Issue 19: `npm test` reports a browser suite that cannot have its Chromium, and exits. */
describe('the browser suites when Chromium cannot be had', () => {
  jest.setTimeout(KILL_AFTER_MS + 30_000);

  it('without Chromium and without CI=true: skipped loudly, the run passes and exits', async () => {
    const run = await jestOn({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(run.output).toContain('console CSP browser test SKIPPED: no Chromium at /nonexistent/chromium');
    expect(run.output).toContain('NOTICE: browser suites skipped (unavailable: no Chromium at /nonexistent/chromium)');
  });

  it('with CI=true and no Chromium: the suite fails at launch, before a server starts, and the run exits non-zero', async () => {
    const run = await jestOn({ CHROMIUM_PATH: '/nonexistent/chromium', CI: 'true' });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.output).toContain('Chromium at /nonexistent/chromium could not be launched');
    expect(run.output).not.toContain('NOTICE: browser suites skipped');
    expect(run.output).not.toContain('did not exit');
  });

  it('with a "Chromium" that exists but cannot start: the suite fails and the run exits non-zero', async () => {
    const run = await jestOn({ CHROMIUM_PATH: '/bin/false' });
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.output).toContain('Chromium at /bin/false could not be launched');
    expect(run.output).not.toContain('did not exit');
  });
});
