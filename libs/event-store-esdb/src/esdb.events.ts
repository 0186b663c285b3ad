import { type EventData, jsonEvent, type RecordedEvent } from '@eventstore/db-client';
import {
  chainHash,
  InvalidAppendError,
  type EventMetadata,
  type JsonObject,
  type NewEvent,
  type StoredEvent,
} from '@crm/event-store';
import { toPortPosition } from './esdb.positions';

/**
 * ESDB has no column for our tamper-evidence hash, so it travels in the event's metadata under a
 * key callers may not use; reads strip it so the metadata comes back exactly as written.
 * Not `$`-prefixed: ESDB reserves those keys for its own projections.
 */
export const HASH_METADATA_KEY = 'crm:hash';

export function refuseReservedMetadata(events: readonly NewEvent[]): void {
  events.forEach((event, i) => {
    if (HASH_METADATA_KEY in event.metadata) {
      throw new InvalidAppendError(`events[${i}].metadata`, `"${HASH_METADATA_KEY}" is reserved by the EventStoreDB adapter`);
    }
  });
}

/** The batch as ESDB event data, each event hash-chained to its predecessor in the stream. */
export function toEventData(
  streamId: string,
  lastRevision: number | null,
  lastHash: string,
  events: readonly NewEvent[],
): EventData[] {
  let previous = lastHash;
  return events.map((event, i) => {
    const hash = chainHash(previous, streamId, (lastRevision ?? -1) + 1 + i, event);
    previous = hash;
    return jsonEvent({
      id: event.id,
      type: event.type,
      data: event.data,
      metadata: { ...event.metadata, [HASH_METADATA_KEY]: hash },
    });
  });
}

export function isSystemEvent(event: RecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/** An ESDB record as the port's StoredEvent; refuses records this adapter did not write. */
export function toStoredEvent(event: RecordedEvent, fromAll: boolean): StoredEvent {
  const what = `event ${event.id} in stream ${event.streamId}`;
  if (!event.isJson || !isObject(event.data) || !isObject(event.metadata)) {
    throw new Error(`${what} is not a JSON event written by the EventStoreDB adapter`);
  }
  const { [HASH_METADATA_KEY]: hash, ...metadata } = event.metadata as Record<string, unknown>;
  if (typeof hash !== 'string') throw new Error(`${what} carries no "${HASH_METADATA_KEY}" metadata`);
  return {
    id: event.id,
    type: event.type,
    data: event.data as JsonObject,
    metadata: metadata as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPortPosition(event.position, what, fromAll),
    recordedAt: event.created.toISOString(),
    hash,
  };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
