import { chainHash, GENESIS_HASH, type JsonObject, type NewEvent, type SerializedEvent, type StoredEvent, type StoredEventRef } from '@crm/event-store';
import { APPEND_GROUP_SQL } from './postgres.sql';

export interface EventRow {
  position: string;
  id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: JsonObject;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
  hash: string;
}

/** bigint columns arrive as strings; positions stay below 2^53 for any realistic store. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: Number(row.position),
    recordedAt: row.recorded_at.toISOString(),
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  };
}

export interface AppendStateRow {
  is_last: boolean;
  id: string;
  revision: string;
  position: string;
  hash: string;
}

export interface AppendState {
  last: { revision: number; hash: string } | null;
  /** the stream's events carrying one of the batch's ids, in revision order */
  stored: StoredEventRef[];
}

export function toAppendState(rows: AppendStateRow[]): AppendState {
  const lastRow = rows.find((r) => r.is_last);
  const stored = rows
    .filter((r) => !r.is_last)
    .map((r) => ({ id: r.id, revision: Number(r.revision), position: Number(r.position) }))
    .sort((a, b) => a.revision - b.revision);
  return { last: lastRow ? { revision: Number(lastRow.revision), hash: lastRow.hash } : null, stored };
}

/** One append's arguments to es_append: hashes are chained here, where canonical JSON is known. */
export interface AppendArguments {
  stream: string;
  prevRevision: number;
  prevHash: string | null;
  events: { id: string; type: string; data: JsonObject; metadata: StoredEvent['metadata']; hash: string }[];
  recordedAt: string;
}

/** The batch placed after `last`, chained to it. */
export function appendArguments(streamId: string, last: AppendState['last'], events: readonly NewEvent[], recordedAt: string): AppendArguments {
  let previous = last?.hash ?? GENESIS_HASH;
  let revision = last?.revision ?? -1;
  const rows = events.map((event) => {
    revision += 1;
    previous = chainHash(previous, streamId, revision, event);
    return { id: event.id, type: event.type, data: event.data, metadata: event.metadata, hash: previous };
  });
  return { stream: streamId, prevRevision: last?.revision ?? -1, prevHash: last?.hash ?? null, events: rows, recordedAt };
}

/** One append alone: es_append_group with a group of one (the es_append wrapper costs a function call more). */
export function appendCall(args: AppendArguments) {
  return { name: 'es_append_group', text: APPEND_GROUP_SQL, values: [JSON.stringify([args])] };
}

/** The es_append call for a batch placed after `last` (held-transaction tests call it directly). */
export function appendQuery(streamId: string, last: AppendState['last'], events: readonly NewEvent[], recordedAt: string) {
  return appendCall(appendArguments(streamId, last, events, recordedAt));
}

/** What es_append (alone or in a group) answers for one append. */
export interface AppendRow {
  status: string;
  last_revision: string | null;
  last_position: string | null;
}

/**
 * The batch es_append stored, from what the client sent and the last revision and position it
 * answered (positions are gapless within a batch): the append's result without a read back.
 */
export function appendedEvents(
  streamId: string,
  events: readonly NewEvent[],
  serialized: readonly SerializedEvent[],
  stored: { lastRevision: number; lastPosition: number; recordedAt: string; hashes: readonly string[] },
): StoredEvent[] {
  const back = events.length - 1;
  return events.map((event, i) => ({
    id: event.id,
    type: event.type,
    streamId,
    revision: stored.lastRevision - back + i,
    position: stored.lastPosition - back + i,
    recordedAt: new Date(stored.recordedAt).toISOString(),
    data: JSON.parse(serialized[i].data),
    metadata: JSON.parse(serialized[i].metadata),
    hash: stored.hashes[i],
  }));
}
