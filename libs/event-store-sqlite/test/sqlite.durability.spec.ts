import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteEventStore } from '../src';

const event = (n: number) => ({
  id: randomUUID(),
  type: 'Counted',
  data: { n },
  metadata: { actor: 'user:test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

describe('SQLite event store file, durability and shared handle', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-es-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with WAL and synchronous=FULL, creating missing directories', async () => {
    const store = SqliteEventStore.open(join(dir, 'a', 'b', 'crm.db'));
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });

  it('events and positions survive a reopen; positions are never reused', async () => {
    const file = join(dir, 'crm.db');
    let store = SqliteEventStore.open(file);
    await store.appendToStream('s-1', [event(1), event(2)]);
    await store.close();
    store = SqliteEventStore.open(file);
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    store.database.exec('DELETE FROM es_events WHERE position = 2');
    const result = await store.appendToStream('s-2', [event(3)]);
    expect(result.position).toBe(3);
    await store.close();
  });

  it('a projection writes its read model in the same transaction and file as the store', async () => {
    const db = new BetterSqlite3(join(dir, 'shared.db'));
    const store = new SqliteEventStore(db);
    db.exec('CREATE TABLE counter (id INTEGER PRIMARY KEY, total INTEGER, checkpoint INTEGER)');
    db.prepare('INSERT INTO counter VALUES (1, 0, 0)').run();
    await store.appendToStream('s-1', [event(5), event(7)]);
    const project = db.transaction((n: number, position: number) => {
      db.prepare('UPDATE counter SET total = total + ?, checkpoint = ? WHERE id = 1').run(n, position);
    });
    for (const e of await store.readAll()) project((e.data as { n: number }).n, e.position);
    expect(db.prepare('SELECT total, checkpoint FROM counter').get()).toEqual({ total: 12, checkpoint: 2 });
    await store.close();
    expect(db.open).toBe(true);
    db.close();
  });
});
