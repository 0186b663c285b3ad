import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '@crm/event-store';

/**
 * Durability is the requirement: WAL with synchronous=FULL fsyncs the WAL on every commit, so an
 * acknowledged append survives power loss (NORMAL would only survive a process crash).
 * busy_timeout lets a second process on the same file wait for the write lock instead of failing.
 */
export function applyDurablePragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
}

/** AUTOINCREMENT: positions are never reused, even after the last rows were deleted by hand. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS es_events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT    NOT NULL,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  hash        TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS es_events_id ON es_events (id);
`;

export const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at, hash';

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    hash: row.hash,
  };
}
