import { chainHash, GENESIS_HASH, type JsonObject, type NewEvent, type StoredEvent, type StoredEventRef } from '@crm/event-store';
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

/** One member of an es_append_group call; `last: undefined` when the stream's head is not known here. */
export interface GroupMember {
  streamId: string;
  last: AppendState['last'] | undefined;
  events: readonly NewEvent[];
}

/** The chained events of one member: hashes are computed here, where canonical JSON is known. */
export function chainMember(member: GroupMember) {
  let previous = member.last?.hash ?? GENESIS_HASH;
  let revision = member.last?.revision ?? -1;
  const rows = member.events.map((event) => {
    revision += 1;
    previous = chainHash(previous, member.streamId, revision, event);
    return { id: event.id, type: event.type, data: event.data, metadata: event.metadata, hash: previous };
  });
  const known = member.last !== undefined;
  return {
    lastHash: previous,
    json: { s: member.streamId, r: known ? (member.last?.revision ?? -1) : null, h: member.last?.hash ?? null, ids: rows.map((r) => r.id), e: known ? rows : [] },
  };
}

export function groupQuery(members: readonly GroupMember[], recordedAt: string) {
  const chained = members.map(chainMember);
  return {
    lastHashes: chained.map((c) => c.lastHash),
    query: { name: 'es_append_group', text: APPEND_GROUP_SQL, values: [JSON.stringify(chained.map((c) => c.json)), recordedAt] },
  };
}

/** The call appending one batch after `last` (the held-transaction test runs it in its own transaction). */
export function appendQuery(streamId: string, last: AppendState['last'], events: readonly NewEvent[], recordedAt: string) {
  return groupQuery([{ streamId, last, events }], recordedAt).query;
}

export interface GroupRow extends AppendStateRow {
  idx: number;
  status: 'ok' | 'stale';
}
