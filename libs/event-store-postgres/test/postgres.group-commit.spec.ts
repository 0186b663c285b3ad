import { randomUUID } from 'node:crypto';
import { chainHash, GENESIS_HASH, type NewEvent, type StoredEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { PostgresEventStore } from '../src';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '@crm/testing';

const event = (type = 'Grouped'): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n: 1 },
  metadata: { actor: 'user:test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

function expectChained(events: StoredEvent[]): void {
  let previous = GENESIS_HASH;
  events.forEach((e, revision) => {
    expect(e.revision).toBe(revision);
    previous = chainHash(previous, e.streamId, revision, e);
    expect(e.hash).toBe(previous);
  });
}

describeWithPostgres('PostgreSQL group commit: concurrent appends share one transaction, each fails alone', () => {
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

  /** the transactions that wrote these streams' events at or after `revision` */
  async function transactionsOf(streams: string[], revision: number): Promise<string[]> {
    const { rows } = await store.pool.query<{ tx: string }>(
      'SELECT DISTINCT tx_id::text AS tx FROM es_events WHERE stream_id = ANY($1) AND revision >= $2',
      [streams, revision],
    );
    return rows.map((r) => r.tx);
  }

  it('one append of a group conflicts: it fails with the real revision, the others commit in one transaction', async () => {
    const streams = Array.from({ length: 6 }, (_, i) => `group-${i}-${randomUUID()}`);
    await Promise.all(streams.map((s) => store.appendToStream(s, [event()], { expectedRevision: 'no_stream' })));
    const outcomes = await Promise.allSettled(
      streams.map((s, i) => store.appendToStream(s, [event(), event()], { expectedRevision: i === 3 ? 5 : 0 })),
    );
    const lost = outcomes[3] as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(lost.reason).toMatchObject({ expected: 5, actual: 0 });
    const winners = streams.filter((_, i) => i !== 3);
    expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<{ nextExpectedRevision: number }>).value.nextExpectedRevision)).toEqual([2, 2, 2, 2, 2]);
    // appends issued in one tick to distinct streams go out as one group: the five winners share one transaction
    expect(await transactionsOf(winners, 1)).toHaveLength(1);
    for (const [i, s] of streams.entries()) {
      const stored = await store.readStream(s);
      expect(stored).toHaveLength(i === 3 ? 1 : 3);
      expectChained(stored);
    }
  });

  it('an append the database refuses fails alone; its neighbours in the group commit', async () => {
    await store.pool.query(`CREATE OR REPLACE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.type = 'Poisoned' THEN RAISE EXCEPTION 'poisoned event'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER poison BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION poison();`);
    try {
      const [a, b, c] = ['a', 'b', 'c'].map((p) => `${p}-${randomUUID()}`);
      const outcomes = await Promise.allSettled([
        store.appendToStream(a, [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream(b, [event(), event('Poisoned')], { expectedRevision: 'no_stream' }),
        store.appendToStream(c, [event()], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/poisoned event/);
      expect(await store.readStream(b)).toEqual([]);
      expect(await store.readStream(a)).toHaveLength(1);
      expect(await store.readStream(c)).toHaveLength(1);
    } finally {
      await store.pool.query('DROP TRIGGER poison ON es_events; DROP FUNCTION poison()');
    }
  });

  it('two stores (two processes) racing on one stream: one winner per revision, the chain unbroken', async () => {
    const other = await PostgresEventStore.connect(database.url);
    try {
      const stream = `race-${randomUUID()}`;
      const writers = [store, other, store, other].map(async (s) => {
        for (let i = 0; i < 10; i++) await s.appendToStream(stream, [event()], { expectedRevision: 'any' });
      });
      await Promise.all(writers);
      const stored = await store.readStream(stream);
      expect(stored).toHaveLength(40);
      expectChained(stored);
    } finally {
      await other.close();
    }
  });
});
