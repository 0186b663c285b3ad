import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REGISTER = join(__dirname, '../../../tools/swc-register.cjs');

describe('the TypeScript loader of npm start and the CLI keeps what it transpiled', () => {
  let dir: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-swc-'));
    cache = join(dir, 'cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (file: string) => execFileSync(process.execPath, ['-r', REGISTER, file], { env: { ...process.env, CRM_SWC_CACHE_DIR: cache } }).toString().trim();
  const entries = () => readdirSync(cache).filter((f) => f.endsWith('.js')).length;

  it('runs a file from the cache the second time, and an edited file as edited, never a stale entry', () => {
    const file = join(dir, 'answer.ts');
    writeFileSync(file, 'const answer: number = 41 + 1;\nconsole.log(answer);\n');
    expect(run(file)).toBe('42');
    expect(entries()).toBe(1);
    expect(run(file)).toBe('42');
    expect(entries()).toBe(1);
    writeFileSync(file, 'const answer: string = "edited";\nconsole.log(answer);\n');
    expect(run(file)).toBe('edited');
    expect(entries()).toBe(2);
  });
});
