import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@eventstore/db-client';
import { chainHash, EventStoreUnavailableError, GENESIS_HASH, type NewEvent } from '@crm/event-store';
import { HASH_METADATA_KEY, isSystemEvent, toEventData, toStoredEvent } from './esdb.events';
import { mapEsdbError } from './esdb.errors';
import { toEsdbPosition, toPortPosition } from './esdb.positions';

function newEvent(n: number): NewEvent {
  const metadata = { actor: 'user:t', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 };
  return { id: randomUUID(), type: 'ThingHappened', data: { n }, metadata };
}

function recorded(event: NewEvent, revision: number, metadata: unknown, position = { commit: 700n, prepare: 700n }): RecordedEvent {
  return {
    streamId: 'order-1', id: event.id, isJson: true, revision: BigInt(revision), type: event.type,
    created: new Date('2026-03-02T08:00:01.123Z'), data: event.data, metadata, position,
  } as RecordedEvent;
}

describe('ESDB mapping: hash in metadata', () => {
  it('chains each event of a batch to its predecessor, starting from the stream head', () => {
    const [a, b] = [newEvent(1), newEvent(2)];
    const data = toEventData('order-1', 4, 'f'.repeat(64), [a, b]);
    const first = chainHash('f'.repeat(64), 'order-1', 5, a);
    expect((data[0].metadata as Record<string, unknown>)[HASH_METADATA_KEY]).toBe(first);
    expect((data[1].metadata as Record<string, unknown>)[HASH_METADATA_KEY]).toBe(chainHash(first, 'order-1', 6, b));
    expect(data.map((d) => d.id)).toEqual([a.id, b.id]);
  });

  it('a new stream chains from the genesis hash at revision 0', () => {
    const a = newEvent(1);
    const [data] = toEventData('order-1', null, GENESIS_HASH, [a]);
    expect((data.metadata as Record<string, unknown>)[HASH_METADATA_KEY]).toBe(chainHash(GENESIS_HASH, 'order-1', 0, a));
  });

  it('reading strips the hash so the metadata comes back as written', () => {
    const a = newEvent(1);
    const [data] = toEventData('order-1', null, GENESIS_HASH, [a]);
    const stored = toStoredEvent(recorded(a, 0, data.metadata), true);
    expect(stored.metadata).toEqual(a.metadata);
    expect(stored).toMatchObject({ revision: 0, position: 700, recordedAt: '2026-03-02T08:00:01.123Z' });
    expect(stored.hash).toBe(chainHash(GENESIS_HASH, 'order-1', 0, a));
  });

  it('an event without the hash (not written by this adapter) is refused, not silently trusted', () => {
    expect(() => toStoredEvent(recorded(newEvent(1), 0, { actor: 'x' }), true)).toThrow(/carries no "crm:hash"/);
  });

  it('system streams and system event types are recognised', () => {
    const base = recorded(newEvent(1), 0, {});
    expect(isSystemEvent({ ...base, streamId: '$stats-127.0.0.1:2113' } as RecordedEvent)).toBe(true);
    expect(isSystemEvent({ ...base, type: '$metadata' } as RecordedEvent)).toBe(true);
    expect(isSystemEvent(base)).toBe(false);
  });
});

describe('ESDB mapping: global position', () => {
  it('the port position is the log position, and reads restart at the same pair', () => {
    expect(toPortPosition({ commit: 1234n, prepare: 1234n }, 'e', true)).toBe(1234);
    expect(toEsdbPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
  });

  it('an explicit-transaction event in $all (commit differs from prepare) cannot be mapped', () => {
    expect(() => toPortPosition({ commit: 900n, prepare: 1000n }, 'e', true)).toThrow(/explicit transaction/);
  });

  it('positions beyond 2^53 are refused rather than rounded', () => {
    const huge = BigInt(Number.MAX_SAFE_INTEGER) + 2n;
    expect(() => toPortPosition({ commit: huge, prepare: huge }, 'e', true)).toThrow(/2\^53/);
  });

  it('a missing position (server older than 22.6) is refused', () => {
    expect(() => toPortPosition(undefined, 'e', false)).toThrow(/no position/);
  });
});

describe('ESDB mapping: errors', () => {
  it('gRPC UNAVAILABLE (code 14) on a plain Error becomes EventStoreUnavailableError', () => {
    const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    const mapped = mapEsdbError(raw);
    expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
    expect((mapped as Error).cause).toBe(raw);
  });

  it('other errors pass through unchanged', () => {
    const raw = Object.assign(new Error('permission denied'), { code: 7 });
    expect(mapEsdbError(raw)).toBe(raw);
  });
});
