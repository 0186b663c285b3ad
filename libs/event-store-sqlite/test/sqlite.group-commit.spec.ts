import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chainHash, GENESIS_HASH, type NewEvent, type StoredEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { SqliteEventStore } from '../src';

const event = (type = 'Counted'): NewEvent => ({
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

describe('SQLite group commit: concurrent appends share one transaction, each fails alone', () => {
  let dir: string;
  let store: SqliteEventStore;
  let groups: number[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-es-group-'));
    groups = [];
    store = SqliteEventStore.open(join(dir, 'events.db'), { onGroupCommitted: (n) => groups.push(n) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one append of a group conflicts: it fails with the real revision, the other appends commit in the same group', async () => {
    const streams = Array.from({ length: 6 }, (_, i) => `group-${i}-${randomUUID()}`);
    for (const s of streams) await store.appendToStream(s, [event()], { expectedRevision: 'no_stream' });
    groups.length = 0;
    const outcomes = await Promise.allSettled(
      streams.map((s, i) => store.appendToStream(s, [event(), event()], { expectedRevision: i === 3 ? 5 : 0 })),
    );
    expect(groups).toEqual([6]);
    const lost = outcomes[3] as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(lost.reason).toMatchObject({ expected: 5, actual: 0 });
    const won = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(won.map((r) => r.nextExpectedRevision)).toEqual([2, 2, 2, 2, 2]);
    // one transaction: the winners' positions follow each other
    expect(won.map((r) => r.position)).toEqual(won.map((_, i) => won[0].position + 2 * i));
    for (const [i, s] of streams.entries()) {
      const stored = await store.readStream(s);
      expect(stored).toHaveLength(i === 3 ? 1 : 3);
      expectChained(stored);
    }
  });

  it('an append whose second insert is refused rolls back wholly; its neighbours in the group commit', async () => {
    store.database.exec(`CREATE TRIGGER poison BEFORE INSERT ON es_events WHEN NEW.type = 'Poisoned'
      BEGIN SELECT RAISE(ABORT, 'poisoned event'); END`);
    const [a, b, c] = ['a', 'b', 'c'].map((p) => `${p}-${randomUUID()}`);
    const outcomes = await Promise.allSettled([
      store.appendToStream(a, [event()]),
      store.appendToStream(b, [event(), event('Poisoned')]),
      store.appendToStream(c, [event()]),
    ]);
    expect(groups).toEqual([3]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/poisoned event/);
    expect(await store.readStream(b)).toEqual([]);
    expect(await store.readStream(a)).toHaveLength(1);
    expect(await store.readStream(c)).toHaveLength(1);
  });

  it('appends to one stream in one group see each other: a second creation conflicts, a repeated batch is acknowledged once', async () => {
    const stream = `same-${randomUUID()}`;
    const first = [event(), event()];
    const outcomes = await Promise.allSettled([
      store.appendToStream(stream, first, { expectedRevision: 'no_stream' }),
      store.appendToStream(stream, [event()], { expectedRevision: 'no_stream' }),
      store.appendToStream(stream, first, { expectedRevision: 'no_stream' }),
      store.appendToStream(stream, [event()], { expectedRevision: 1 }),
    ]);
    expect(groups).toEqual([4]);
    expect(outcomes[1]).toMatchObject({ status: 'rejected', reason: { expected: 'no_stream', actual: 1 } });
    const [created, , repeated, next] = outcomes as PromiseFulfilledResult<{ position: number; nextExpectedRevision: number }>[];
    expect(repeated.value).toEqual(created.value);
    expect(next.value.nextExpectedRevision).toBe(2);
    const stored = await store.readStream(stream);
    expect(stored).toHaveLength(3);
    expectChained(stored);
  });

  it('writers resumed by one group acknowledgement form the next group; a lone append commits alone', async () => {
    const writers = Array.from({ length: 4 }, async (_, w) => {
      const stream = `writer-${w}-${randomUUID()}`;
      for (let i = 0; i < 5; i++) await store.appendToStream(stream, [event()], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
    });
    await Promise.all(writers);
    expect(groups).toEqual([4, 4, 4, 4, 4]);
    await store.appendToStream(`alone-${randomUUID()}`, [event()]);
    expect(groups.at(-1)).toBe(1);
  });

  it('appends queued when the store closes are refused as unavailable, none half-written', async () => {
    const pending = store.appendToStream(`late-${randomUUID()}`, [event()]);
    await store.close();
    await expect(pending).rejects.toThrow(/closed/);
  });
});
