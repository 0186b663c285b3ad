import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { chainHash, eventStoreContract, GENESIS_HASH, type NewEvent, type StoredEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '@crm/testing';
import { APPEND_LOCK_KEY, PostgresEventStore } from '../src';

const event = (n: number, data: NewEvent['data'] = { n }): NewEvent => ({
  id: randomUUID(),
  type: 'Counted',
  data,
  metadata: { actor: 'user:test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

function expectChained(events: readonly StoredEvent[]): void {
  let previous = GENESIS_HASH;
  for (const e of events) {
    previous = chainHash(previous, e.streamId, e.revision, e);
    expect(e.hash).toBe(previous);
  }
}

describeWithPostgres('PostgreSQL group commit (ADR 0029)', () => {
  let database: ThrowawayDatabase;
  let store: PostgresEventStore;
  let groups: number[];
  let observer: Pool;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
    observer = new Pool({ connectionString: database.url, max: 2 });
  });
  beforeEach(async () => {
    groups = [];
    store = await PostgresEventStore.connect(database.url, { onGroup: (size) => groups.push(size) });
  });
  afterEach(() => store.close());
  afterAll(async () => {
    await observer?.end();
    await database?.drop();
  });

  /** Holds the store's append lock from outside, so that appends decided meanwhile queue up as one group. */
  async function holdAppendLock(): Promise<PoolClient> {
    const client = await observer.connect();
    await client.query('SELECT pg_advisory_lock($1)', [APPEND_LOCK_KEY]);
    return client;
  }

  /** the first group has reached the server and waits there for the held lock */
  async function firstGroupAtTheLock(): Promise<void> {
    await until(async () => {
      const { rows } = await observer.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
      return store.appendsInGroups === 1 && Number(rows[0].n) > 0;
    });
  }

  async function release(client: PoolClient): Promise<void> {
    await client.query('SELECT pg_advisory_unlock($1)', [APPEND_LOCK_KEY]);
    client.release();
  }

  it('one append of a group conflicts: it fails alone (409 material), the others commit in the same transaction', async () => {
    await store.appendToStream('shared', [event(0)], { expectedRevision: 'no_stream' });
    groups.length = 0;
    const lock = await holdAppendLock();
    let appends: Promise<unknown>[] = [];
    const racers = [
      [event(1), event(2)],
      [event(3), event(4)],
    ];
    try {
      // the first group goes to the server and waits on the lock; the next four are decided meanwhile
      const first = store.appendToStream('first', [event(9)], { expectedRevision: 'no_stream' });
      await firstGroupAtTheLock();
      appends = [
        first,
        store.appendToStream('a', [event(10)], { expectedRevision: 'no_stream' }),
        ...racers.map((batch) => store.appendToStream('shared', batch, { expectedRevision: 0 })),
        store.appendToStream('b', [event(20), event(21)], { expectedRevision: 'no_stream' }),
      ];
      await until(() => store.appendsInGroups === 5);
    } finally {
      await release(lock);
    }
    const outcomes = await Promise.allSettled(appends);
    expect(groups).toEqual([1, 4]);
    // the group's order is the order the appends were decided in: either racer may be first
    const [one, other] = [outcomes[2], outcomes[3]];
    expect([one.status, other.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect([outcomes[0], outcomes[1], outcomes[4]].map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const lostAt = one.status === 'rejected' ? 0 : 1;
    const lost = ([one, other][lostAt] as PromiseRejectedResult).reason;
    expect(lost).toBeInstanceOf(WrongExpectedRevisionError);
    expect(lost).toMatchObject({ streamId: 'shared', expected: 0, actual: 2 });

    const shared = await store.readStream('shared');
    expect(shared.map((e) => e.id).slice(1)).toEqual(racers[1 - lostAt].map((e) => e.id));
    const all = await store.readAll({ fromPosition: shared[0].position });
    expect(all.some((e) => racers[lostAt].some((l) => l.id === e.id))).toBe(false);
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => shared[0].position + 1 + i));
    for (const stream of ['shared', 'a', 'b']) expectChained(await store.readStream(stream));
  });

  it('an append the server refuses fails alone; the rest of its group commits', async () => {
    const lock = await holdAppendLock();
    let appends: Promise<unknown>[] = [];
    try {
      const first = store.appendToStream(`x-${randomUUID()}`, [event(0)]);
      await firstGroupAtTheLock();
      appends = [
        first,
        store.appendToStream(`ok-${randomUUID()}`, [event(1)]),
        // jsonb has no NUL character: valid for the port, refused by PostgreSQL
        store.appendToStream(`nul-${randomUUID()}`, [event(2, { text: 'a\u0000b' })]),
        store.appendToStream(`ok-${randomUUID()}`, [event(3)]),
      ];
      await until(() => store.appendsInGroups === 4);
    } finally {
      await release(lock);
    }
    const outcomes = await Promise.allSettled(appends);
    expect(groups).toEqual([1, 3]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/unicode|\\u0000/i);
  });

  it('every append is acknowledged only after its group committed (synchronous_commit on): another session already sees it', async () => {
    const { rows } = await store.pool.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s");
    expect(rows[0].s).toBe('on');
    const seenAtAck = await Promise.all(
      Array.from({ length: 16 }, (_, n) =>
        store.appendToStream(`w-${randomUUID()}`, [event(n)], { expectedRevision: 'no_stream' }).then(async ({ position }) => {
          const seen = await observer.query<{ n: string }>('SELECT count(*) AS n FROM es_events WHERE position = $1', [position]);
          return Number(seen.rows[0].n);
        }),
      ),
    );
    expect(seenAtAck).toEqual(Array(16).fill(1));
    expect(groups.reduce((a, b) => a + b, 0)).toBe(16);
  });

  describe('with group commit off', () => {
    eventStoreContract('postgres, group commit off', async () => {
      const plain = await PostgresEventStore.connect(database.url, { pollMs: 100, groupCommit: false });
      return { store: plain, teardown: () => plain.close() };
    });
  });
});
