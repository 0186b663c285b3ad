import { createHash } from 'node:crypto';
import { InvalidAppendError, WrongExpectedRevisionError } from './event-store.errors';
import type { ExpectedRevision, NewEvent, StoredEvent } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:$@-]{0,199}$/;
export const MAX_EVENT_BYTES = 1024 * 1024;
export const GENESIS_HASH = '0'.repeat(64);

/** An event's data and metadata as JSON text, as measured for the size limit. */
export interface SerializedEvent {
  data: string;
  metadata: string;
}

/**
 * Shared by every adapter so that bad input is refused identically before touching an engine.
 * Answers the JSON text it measured, so an adapter storing text need not serialize again.
 */
export function validateAppend(streamId: string, events: readonly NewEvent[]): SerializedEvent[] {
  if (!STREAM_ID.test(streamId)) throw new InvalidAppendError('streamId', `"${streamId}" is not a valid stream id`);
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppendError('events', 'at least one event is required');
  const seen = new Set<string>();
  return events.map((event, i) => {
    if (!UUID.test(event?.id ?? '')) throw new InvalidAppendError(`events[${i}].id`, 'must be a UUID');
    if (seen.has(event.id)) throw new InvalidAppendError(`events[${i}].id`, 'duplicated in the batch');
    seen.add(event.id);
    if (typeof event.type !== 'string' || !/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/.test(event.type)) {
      throw new InvalidAppendError(`events[${i}].type`, 'must be a name of letters and digits');
    }
    if (!isPlainObject(event.data)) throw new InvalidAppendError(`events[${i}].data`, 'must be a JSON object');
    if (!isPlainObject(event.metadata)) throw new InvalidAppendError(`events[${i}].metadata`, 'must be a JSON object');
    const serialized = { data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) };
    if (Buffer.byteLength(serialized.data) + Buffer.byteLength(serialized.metadata) > MAX_EVENT_BYTES) {
      throw new InvalidAppendError(`events[${i}].data`, `exceeds ${MAX_EVENT_BYTES} bytes`);
    }
    return serialized;
  });
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'number' && expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** The fields of a stored event that the idempotency check needs (adapters may pass partial rows). */
export type StoredEventRef = Pick<StoredEvent, 'id' | 'revision' | 'position'>;

export type IdempotencyVerdict<T extends StoredEventRef = StoredEvent> = { kind: 'new' } | { kind: 'duplicate'; last: T };

/**
 * EventStoreDB's idempotency: if the batch's ids are already stored contiguously in this stream
 * (at the expected place when an exact revision or no_stream is given), the append is
 * acknowledged again. `stored` holds the stream's events whose ids are in the batch, in revision order.
 */
export function idempotencyVerdict<T extends StoredEventRef>(
  streamId: string,
  events: readonly NewEvent[],
  stored: readonly T[],
  expected: ExpectedRevision,
  actual: number | null,
): IdempotencyVerdict<T> {
  if (stored.length === 0) return { kind: 'new' };
  const first = stored[0];
  const sameBatch =
    stored.length === events.length &&
    stored.every((e, i) => e.id === events[i].id && e.revision === first.revision + i);
  const samePlace =
    expected === 'any' ||
    expected === 'stream_exists' ||
    (expected === 'no_stream' && first.revision === 0) ||
    expected === first.revision - 1;
  if (sameBatch && samePlace) return { kind: 'duplicate', last: stored[stored.length - 1] };
  throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** Canonical JSON: keys sorted, so the hash does not depend on an engine's key order (jsonb). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hash chaining each event to its predecessor in the same stream (issue 8: tamper evidence). */
export function chainHash(previousHash: string, streamId: string, revision: number, event: NewEvent): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalJson([streamId, revision, event.id, event.type, event.data, event.metadata]))
    .digest('hex');
}
