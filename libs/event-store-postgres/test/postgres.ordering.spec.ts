import { randomUUID } from 'node:crypto';
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

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

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

      const others = Array.from({ length: 5 }, (_, i) => store.appendToStream(`fast-${i}`, [event(10 + i), event(20 + i)]));
      let settled = 0;
      others.forEach((p) => void p.then(() => settled++));
      // every other writer is either committed or queued behind the slow one (the subscriber polls
      // meanwhile): with group commit, decided appends wait in one group blocked on the lock, or behind it
      await until(async () => {
        const queued = store.appendsInGroups;
        return settled + queued === others.length && (queued === 0 || (await waitingOnAdvisoryLock(store)) === 1);
      });
      const visibleWhileHeld = await store.readAll({ fromPosition: head });

      await held.query('COMMIT');
      const results = await Promise.all(others);
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
});

async function waitingOnAdvisoryLock(store: PostgresEventStore): Promise<number> {
  const { rows } = await store.pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
  );
  return Number(rows[0].n);
}
