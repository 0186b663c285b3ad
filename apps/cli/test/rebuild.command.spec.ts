import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import type { CliIo } from '../src/cli-command';
import { rebuildCommand } from '../src/commands/rebuild.command';

const registered = (username: string): NewEvent => ({
  id: randomUUID(),
  type: 'UserRegistered',
  data: { username, name: username, roles: ['sales_reviewer'], passwordHash: 'x' },
  metadata: { actor: 'admin', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
});

describe('npm run cli -- rebuild', () => {
  let dir: string;
  let file: string;
  const run = async (...args: string[]) => {
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false, env: {} };
    const code = await rebuildCommand.run([...args, '--store', `sqlite:${file}`], io);
    return { code, out, err };
  };
  const usernames = () => {
    const raw = new Database(file, { readonly: true });
    try {
      return raw.prepare('SELECT username FROM users ORDER BY username').all().map((r: any) => r.username);
    } finally {
      raw.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-rebuild-'));
    file = join(dir, 'crm.db');
    const store = SqliteEventStore.open(file);
    for (const name of ['ann', 'bob', 'cai']) await store.appendToStream(`user-${name}`, [registered(name)], { expectedRevision: 'no_stream' });
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds a read model from zero with progress, twice to the same rows', async () => {
    const first = await run('users');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^users: rebuilt from 3 events in \d+ ms\n$/);
    expect(first.err).toContain('users: 3/3 (100%)');
    expect(usernames()).toEqual(['ann', 'bob', 'cai']);
    const raw = new Database(file);
    raw.prepare("DELETE FROM users WHERE username = 'bob'").run(); // a damaged read model
    raw.close();
    expect((await run('users')).code).toBe(0);
    expect(usernames()).toEqual(['ann', 'bob', 'cai']);
  });

  it('--all rebuilds every read model in one pass and names each', async () => {
    const all = await run('--all');
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^users: rebuilt from 3 events in \d+ ms$/m);
    expect(all.out).toMatch(/^timers: rebuilt from 3 events in \d+ ms$/m);
    expect(all.out).not.toContain('FAILED');
    expect(usernames()).toEqual(['ann', 'bob', 'cai']);
  });

  it('lists the projections and refuses an unknown one with usage', async () => {
    const listed = await run('--list');
    expect(listed.out).toContain('users (version');
    expect(listed.out).toContain('timers (version');
    const unknown = await run('nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown projection(s): nope');
  });
});
