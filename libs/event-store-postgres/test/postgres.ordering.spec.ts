import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { NewEvent, StoredEvent } from '@crm/event-store';
import { PostgresEventStore } from '../src';
import { appendQuery } from '../src/postgres.rows';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '@crm/testing';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'OrderingProbed',
  data: { n },
  metadata: { actor: 'user:test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

describeWithPostgres('PostgreSQL global order is safe for subscribers', () => {
  let database: ThrowawayDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
    store = await PostgresEventStore.connect(database.url, { pollMs: 20 });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it('an append transaction held open while others commit: the subscriber sees every event once, in order', async () => {
    await store.appendToStream('before', [event(0)]);
    const head = await store.headPosition();
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll((e) => void seen.push(e), { fromPosition: head });
    const held = await store.pool.connect();
    try {
      // the slow writer: its append has run inside a transaction that has not committed yet
      const slow = event(1);
      await held.query('BEGIN');
      await held.query(appendQuery('slow', null, [slow], new Date().toISOString()));

      // the other writers are not serialised behind it (ADR 0036): they commit while it is held
      const others = Array.from({ length: 5 }, (_, i) => store.appendToStream(`fast-${i}`, [event(10 + i), event(20 + i)]));
      const results = await Promise.all(others);
      const visibleWhileHeld = await store.readAll({ fromPosition: head });

      expect(await store.headPosition()).toBe(Math.max(...results.map((r) => r.position)));

      await held.query('COMMIT');
      const last = Math.max(...results.map((r) => r.position));
      await subscription.waitFor(last);

      const all = await store.readAll({ fromPosition: head });
      expect(all).toHaveLength(11);
      expect(seen).toEqual(all);
      expect(visibleWhileHeld).toEqual([]);
      expect(seen.map((e) => e.position)).toEqual(all.map((_, i) => head + 1 + i));
      expect(seen[0].id).toBe(slow.id);
      expect(new Set(seen.map((e) => e.id)).size).toBe(11);
    } finally {
      held.release();
      await subscription.stop();
    }
  }, 30_000);

  it('a long transaction that is not an append (a read model being written) holds no reader back', async () => {
    const head = await store.headPosition();
    const busy = await store.pool.connect();
    try {
      await busy.query('BEGIN');
      await busy.query('CREATE TABLE IF NOT EXISTS read_model_probe (n int)');
      await busy.query('INSERT INTO read_model_probe VALUES (1)');
      const appended = await store.appendToStream(`while-busy-${randomUUID()}`, [event(30), event(31)]);
      const visible = await store.readAll({ fromPosition: head });
      expect(visible.map((e) => e.position)).toEqual([appended.position - 1, appended.position]);
    } finally {
      await busy.query('ROLLBACK');
      busy.release();
    }
  });

  it('a rolled-back append leaves a gap in the positions; the subscriber passes it and misses nothing', async () => {
    const head = await store.headPosition();
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll((e) => void seen.push(e), { fromPosition: head });
    const held = await store.pool.connect();
    try {
      await held.query('BEGIN');
      await held.query(appendQuery('abandoned', null, [event(1)], new Date().toISOString()));
      const after = await store.appendToStream('kept', [event(2)]);
      await held.query('ROLLBACK');
      await subscription.waitFor(after.position);
      expect(seen.map((e) => e.streamId)).toEqual(['kept']);
      expect(after.position).toBe(head + 2);
      expect(await store.readStream('abandoned')).toEqual([]);
    } finally {
      held.release();
      await subscription.stop();
    }
  });

  it('an append that is not the first write of its transaction is refused and leaves no lock behind', async () => {
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE scratch (n int) ON COMMIT DROP');
      await client.query('INSERT INTO scratch VALUES (1)');
      await expect(client.query(appendQuery('second-write', null, [event(3)], new Date().toISOString()))).rejects.toThrow(/first write of its transaction/);
      await client.query('ROLLBACK');
      expect(await sessionLocksHeld(store)).toBe(0);
    } finally {
      client.release();
    }
    const result = await store.appendToStream('second-write', [event(4)], { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(0);
  });

  it('an append that fails while it holds the position lock releases it: the store goes on', async () => {
    const position = await store.headPosition();
    // the sequence's end: nextval fails after the lock is taken, the one failure left in that section
    await store.pool.query(`ALTER SEQUENCE es_position_seq MAXVALUE ${position}`);
    try {
      await expect(store.appendToStream(`at-the-end-${randomUUID()}`, [event(9)])).rejects.toThrow(/maximum value/);
    } finally {
      await store.pool.query('ALTER SEQUENCE es_position_seq NO MAXVALUE');
    }
    expect(await sessionLocksHeld(store)).toBe(0);
    const other = await PostgresEventStore.connect(database.url, { groupCommit: false });
    try {
      const result = await other.appendToStream(`after-the-end-${randomUUID()}`, [event(10)]);
      expect(result.position).toBeGreaterThan(position);
    } finally {
      await other.close();
    }
  });

  it('an append whose head this process knows is one statement; a stale guess costs the head read, not the append', async () => {
    const stream = `one-trip-${randomUUID()}`;
    await store.appendToStream(stream, [event(5)], { expectedRevision: 'no_stream' });
    // every statement the store sends, pooled or on a checked-out connection, goes through Client#query
    const statements: string[] = [];
    const query = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, config: unknown, ...rest: unknown[]) {
      const name = (config as { name?: string })?.name;
      if (name?.startsWith('es_')) statements.push(name);
      return (query as (...a: unknown[]) => unknown).call(this, config, ...rest);
    } as never);
    try {
      await store.appendToStream(stream, [event(6)], { expectedRevision: 0 });
      expect(statements).toEqual(['es_append_group']);
      // another process moved the stream on: the guess is stale, the append is decided again
      const other = await PostgresEventStore.connect(database.url, { groupCommit: false });
      await other.appendToStream(stream, [event(7)], { expectedRevision: 1 });
      await other.close();
      statements.length = 0;
      await expect(store.appendToStream(stream, [event(8)], { expectedRevision: 1 })).rejects.toThrow(/expected revision 1/i);
      expect(statements).toEqual(['es_append_group', 'es_append_state']);
    } finally {
      spy.mockRestore();
    }
    expect((await store.readStream(stream)).map((e) => e.data)).toEqual([{ n: 5 }, { n: 6 }, { n: 7 }]);
  });
});

/** advisory locks a session still holds once its statements are done: the append lock must never stay held */
async function sessionLocksHeld(store: PostgresEventStore): Promise<number> {
  const { rows } = await store.pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
  );
  return Number(rows[0].n);
}
