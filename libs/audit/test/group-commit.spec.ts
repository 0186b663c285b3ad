import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EventStore, NewEvent } from '@crm/event-store';
import { APPEND_LOCK_KEY, PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createThrowawayDatabase, describeWithPostgres, rawStatement, tempDir } from '@crm/testing';
import { verifyChain } from '../src';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'PickupRecorded',
  data: { n, tonnes: 10 + n },
  metadata: { actor: 'user:manager', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

const WRITERS = 12;

/** Each writer appends a two-event batch to its own stream and one event to a stream all of them share (retrying on conflict). */
async function groupedTraffic(store: EventStore): Promise<void> {
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      await store.appendToStream(`customer-${w}`, [event(w), event(w + 100)], { expectedRevision: 'no_stream' });
      for (;;) {
        const revision = await store.streamRevision('customer-shared');
        try {
          await store.appendToStream('customer-shared', [event(w)], { expectedRevision: revision ?? 'no_stream' });
          return;
        } catch (error) {
          if ((error as Error).name !== 'WrongExpectedRevisionError') throw error;
        }
      }
    }),
  );
}

async function expectChainsHoldAndTamperShows(store: EventStore, tamper: (position: number) => Promise<unknown>): Promise<void> {
  const events = await store.readAll();
  expect(events).toHaveLength(WRITERS * 3);
  const verified = verifyChain(events);
  expect(verified).toMatchObject({ ok: true, checked: WRITERS * 3 });
  expect(verified.streams.find((s) => s.streamId === 'customer-shared')?.events).toBe(WRITERS);

  const target = events[Math.floor(events.length / 2)];
  await tamper(target.position);
  const after = verifyChain(await store.readAll());
  expect(after.ok).toBe(false);
  expect(after.firstBreak).toMatchObject({ streamId: target.streamId, revision: target.revision, position: target.position, reason: 'hash_mismatch' });
}

describe('R-ARC-3 hash chains across group-committed appends (ADR 0029)', () => {
  it('SQLite: appends committed in shared transactions chain per stream, and an altered event in a group is found', async () => {
    const tmp = tempDir('crm-audit-group-');
    const path = tmp.file('events.db');
    const groups: number[] = [];
    const store = SqliteEventStore.open(path, { onGroup: (size) => groups.push(size) });
    try {
      await groupedTraffic(store);
      expect(Math.max(...groups)).toBeGreaterThan(1);
      await expectChainsHoldAndTamperShows(store, (position) =>
        rawStatement({ kind: 'sqlite', path }, `UPDATE es_events SET data = json_set(data, '$.tonnes', 99) WHERE position = ?`, [position]),
      );
    } finally {
      await store.close();
      tmp.remove();
    }
  });
});

describeWithPostgres('R-ARC-3 hash chains across group-committed appends on PostgreSQL (ADR 0029)', () => {
  it('appends committed in one es_append_group chain per stream, and an altered event in a group is found', async () => {
    const database = await createThrowawayDatabase();
    const groups: number[] = [];
    const store = await PostgresEventStore.connect(database.url, { onGroup: (size) => groups.push(size) });
    const lock = new Client({ connectionString: database.url });
    await lock.connect();
    try {
      // the store's append lock held from outside: the first writers' appends queue up as one group behind it
      await lock.query('SELECT pg_advisory_lock($1)', [APPEND_LOCK_KEY]);
      const traffic = groupedTraffic(store);
      while (store.appendsInGroups < WRITERS) await new Promise((resolve) => setTimeout(resolve, 10));
      await lock.query('SELECT pg_advisory_unlock($1)', [APPEND_LOCK_KEY]);
      await traffic;
      expect(Math.max(...groups)).toBeGreaterThan(1);
      await expectChainsHoldAndTamperShows(store, (position) =>
        rawStatement({ kind: 'postgres', url: database.url }, `UPDATE es_events SET data = jsonb_set(data, '{tonnes}', '99') WHERE position = $1`, [position]),
      );
    } finally {
      await lock.end();
      await store.close();
      await database.drop();
    }
  }, 30_000);
});
