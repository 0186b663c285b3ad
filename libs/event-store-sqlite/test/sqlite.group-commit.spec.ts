import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { chainHash, eventStoreContract, GENESIS_HASH, type NewEvent, type StoredEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { SqliteEventStore } from '../src';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'Counted',
  data: { n },
  metadata: { actor: 'user:test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

function expectChained(events: readonly StoredEvent[]): void {
  let previous = GENESIS_HASH;
  for (const e of events) {
    previous = chainHash(previous, e.streamId, e.revision, e);
    expect(e.hash).toBe(previous);
  }
}

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-es-group-'));
  dirs.push(dir);
  return join(dir, 'events.db');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('SQLite group commit (ADR 0029)', () => {
  let file: string;
  let groups: number[];
  let store: SqliteEventStore;
  beforeEach(() => {
    file = tempFile();
    groups = [];
    store = SqliteEventStore.open(file, { onGroup: (size) => groups.push(size) });
  });
  afterEach(() => store.close());

  it('one append of a group conflicts: it fails alone (nothing of it kept), the others commit in the same transaction', async () => {
    await store.appendToStream('shared', [event(0)], { expectedRevision: 'no_stream' });
    groups.length = 0;
    const winner = [event(1), event(2)];
    const loser = [event(3), event(4)];
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [event(10)], { expectedRevision: 'no_stream' }),
      store.appendToStream('shared', winner, { expectedRevision: 0 }),
      store.appendToStream('shared', loser, { expectedRevision: 0 }),
      store.appendToStream('b', [event(20), event(21)], { expectedRevision: 'no_stream' }),
    ]);
    expect(groups).toEqual([4]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const lost = (outcomes[2] as PromiseRejectedResult).reason;
    expect(lost).toBeInstanceOf(WrongExpectedRevisionError);
    expect(lost).toMatchObject({ streamId: 'shared', expected: 0, actual: 2 });

    const shared = await store.readStream('shared');
    expect(shared.map((e) => e.id).slice(1)).toEqual(winner.map((e) => e.id));
    const all = await store.readAll();
    expect(all.some((e) => loser.some((l) => l.id === e.id))).toBe(false);
    // positions stay gapless across the rolled-back savepoint, in submission order
    expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all.map((e) => e.streamId)).toEqual(['shared', 'a', 'shared', 'shared', 'b', 'b']);
    for (const stream of ['shared', 'a', 'b']) expectChained(await store.readStream(stream));
  });

  it('a batch submitted twice in one group is stored once and both are acknowledged at the same place (idempotency)', async () => {
    const batch = [event(1), event(2)];
    const [first, again] = await Promise.all([
      store.appendToStream('s', batch, { expectedRevision: 'no_stream' }),
      store.appendToStream('s', batch, { expectedRevision: 'no_stream' }),
    ]);
    expect(groups).toEqual([2]);
    expect(again).toEqual(first);
    expect((await store.readStream('s')).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });

  it('every append is acknowledged only after its group committed: another connection already sees it', async () => {
    const observer = new BetterSqlite3(file, { readonly: true });
    try {
      const seenAtAck = await Promise.all(
        Array.from({ length: 16 }, (_, n) =>
          store.appendToStream(`w-${n}`, [event(n)], { expectedRevision: 'no_stream' }).then(({ position }) => {
            const row = observer.prepare('SELECT count(*) AS n FROM es_events WHERE position = ?').get(position) as { n: number };
            return row.n;
          }),
        ),
      );
      expect(seenAtAck).toEqual(Array(16).fill(1));
      expect(groups).toEqual([16]);
    } finally {
      observer.close();
    }
  });

  it('writers each awaiting their last append keep forming groups, and stay durable (WAL, synchronous=FULL)', async () => {
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    const writers = 8;
    const rounds = 5;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let r = 0; r < rounds; r++) {
          await store.appendToStream(`loop-${w}`, [event(r)], { expectedRevision: r === 0 ? 'no_stream' : r - 1 });
        }
      }),
    );
    expect(groups.reduce((a, b) => a + b, 0)).toBe(writers * rounds);
    expect(Math.max(...groups)).toBe(writers);
    await store.close();
    const reopened = SqliteEventStore.open(file);
    expect(await reopened.headPosition()).toBe(writers * rounds);
    await reopened.close();
  });

  it('close() commits and answers the appends already submitted', async () => {
    const appended = store.appendToStream('late', [event(1)], { expectedRevision: 'no_stream' });
    await store.close();
    await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0 });
    const reopened = SqliteEventStore.open(file);
    expect(await reopened.streamRevision('late')).toBe(0);
    await reopened.close();
  });
});

eventStoreContract('sqlite, group commit off', async () => {
  const store = SqliteEventStore.open(tempFile(), { groupCommit: false });
  return { store, teardown: () => store.close() };
});
