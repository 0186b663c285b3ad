import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@crm/config';
import { restrictDirectory } from '@crm/event-store-sqlite';
import { resolveAuthSecret } from '../../src/infrastructure/auth-secret';
import { startTestApi, type TestApi } from '../support/test-api';

const modeOf = (path: string): string => `0${(statSync(path).mode & 0o777).toString(8)}`;
const sqliteFiles = (dir: string) => ['crm.db', 'crm.db-wal', 'crm.db-shm'].map((f) => join(dir, f));

describe('data at rest: the SQLite files hold password hashes and webhook secrets (real files, real modes)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.tokenFor('admin'); // a write, so the -wal and -shm files exist
  });
  afterAll(() => api.close());

  it('a new store is created with its file, -wal and -shm 0600', () => {
    for (const file of sqliteFiles(api.dataDir)) {
      expect(existsSync(file)).toBe(true);
      expect([file, modeOf(file)]).toEqual([file, '0600']);
    }
  });

  it('files and directory left readable by others are narrowed on the next start (0700 and 0600), and the start says so', async () => {
    chmodSync(api.dataDir, 0o755);
    for (const file of sqliteFiles(api.dataDir)) chmodSync(file, 0o644);
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await api.restart();
      expect(modeOf(api.dataDir)).toBe('0700');
      for (const file of sqliteFiles(api.dataDir)) if (existsSync(file)) expect([file, modeOf(file)]).toEqual([file, '0600']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${join(api.dataDir, 'crm.db')} 0644 -> 0600`));
    } finally {
      warn.mockRestore();
    }
    expect((await api.request('POST', '/auth/token', { body: { username: 'admin', password: 'wrong-password' } })).status).toBe(401);
  });
});

describe('the generated auth secret in DATA_DIR', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-secret-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is created 0600 in a DATA_DIR created 0700', () => {
    const dataDir = join(root, 'data');
    const { secret, generated } = resolveAuthSecret(loadConfig({ DATA_DIR: dataDir }));
    expect(generated).toBe(true);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(modeOf(dataDir)).toBe('0700');
    expect(modeOf(join(dataDir, 'auth-secret'))).toBe('0600');
  });

  it('an existing world-readable secret and directory are narrowed, the secret kept', () => {
    const dataDir = join(root, 'data');
    resolveAuthSecret(loadConfig({ DATA_DIR: dataDir }));
    const file = join(dataDir, 'auth-secret');
    const before = readFileSync(file, 'utf8');
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);
    expect(resolveAuthSecret(loadConfig({ DATA_DIR: dataDir })).secret).toBe(before);
    expect([modeOf(dataDir), modeOf(file)]).toEqual(['0700', '0600']);
  });

  it('a shared directory with the sticky bit (as /tmp) is left as it is', () => {
    const shared = join(root, 'shared');
    restrictDirectory(shared);
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, 'x'), '');
    expect(restrictDirectory(shared)).toBeNull();
    expect((statSync(shared).mode & 0o7777).toString(8)).toBe('1777');
  });
});
