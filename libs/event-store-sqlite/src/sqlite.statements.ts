import type { Database, Statement } from 'better-sqlite3';
import { COLUMNS } from './sqlite.schema';

/** Prepared once per store: every append and read reuses the compiled statements. */
export function prepareStatements(db: Database) {
  const prepare = <P extends unknown[] = unknown[]>(sql: string): Statement<P> => db.prepare<P>(sql);
  return {
    last: prepare<[string]>('SELECT revision, hash FROM es_events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
    // driven by the id index (CROSS JOIN fixes the order): a long stream is never scanned
    byIds: prepare<[string, string]>(
      `SELECT e.id, e.revision, e.position FROM json_each(?) AS j CROSS JOIN es_events AS e ON e.id = j.value
       WHERE e.stream_id = ? ORDER BY e.revision`,
    ),
    // the common case, one event: an index lookup without json_each
    byId: prepare<[string, string]>('SELECT id, revision, position FROM es_events WHERE id = ? AND stream_id = ?'),
    insert: prepare<[string, string, number, string, string, string, string, string]>(
      `INSERT INTO es_events (id, stream_id, revision, type, data, metadata, recorded_at, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    readForwards: prepare<[string, number, number]>(
      `SELECT ${COLUMNS} FROM es_events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    readBackwards: prepare<[string, number, number]>(
      `SELECT ${COLUMNS} FROM es_events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: prepare<[number, number]>(`SELECT ${COLUMNS} FROM es_events WHERE position > ? ORDER BY position LIMIT ?`),
    revision: prepare<[string]>('SELECT max(revision) AS revision FROM es_events WHERE stream_id = ?'),
    head: prepare<[]>('SELECT coalesce(max(position), 0) AS head FROM es_events'),
  };
}

export type SqliteStatements = ReturnType<typeof prepareStatements>;
