import type { Database } from 'better-sqlite3';
import type { Pool } from 'pg';

/** One row shaped like a stored event, ~300 bytes, for the raw baselines. */
export interface RawRow {
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
  hash: string;
}

export interface Baseline {
  single(row: RawRow): Promise<void>;
  batch(rows: RawRow[]): Promise<void>;
}

const values = (r: RawRow) => [r.id, r.stream, r.revision, r.type, r.data, r.metadata, r.recordedAt, r.hash];

/** Plain BEGIN; INSERT; COMMIT through better-sqlite3 on a table of the store's shape (same file, same pragmas). */
export function sqliteBaseline(db: Database, batchSize: number): Baseline {
  db.exec(`CREATE TABLE raw_events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, hash TEXT NOT NULL,
    UNIQUE (stream_id, revision));
    CREATE INDEX raw_events_id ON raw_events (id);`);
  const columns = '(id, stream_id, revision, type, data, metadata, recorded_at, hash)';
  const one = db.prepare(`INSERT INTO raw_events ${columns} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const tuples = Array.from({ length: batchSize }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const many = db.prepare(`INSERT INTO raw_events ${columns} VALUES ${tuples}`);
  return {
    async single(row) {
      db.exec('BEGIN');
      one.run(...values(row));
      db.exec('COMMIT');
    },
    async batch(rows) {
      db.exec('BEGIN');
      many.run(...rows.flatMap(values));
      db.exec('COMMIT');
    },
  };
}

/**
 * One INSERT per append through one pooled pg connection, on a table of the store's shape, in its
 * own implicit transaction: one round trip and one commit, the least any durable append can do.
 */
export async function postgresBaseline(pool: Pool, batchSize: number): Promise<Baseline & { release(): void }> {
  await pool.query(`CREATE TABLE raw_events (LIKE es_events INCLUDING ALL); CREATE SEQUENCE raw_position;
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'raw_events' AND column_name = 'tx')
      THEN ALTER TABLE raw_events ALTER COLUMN tx SET DEFAULT pg_current_xact_id(); END IF;
    END $$;`);
  const client = await pool.connect();
  const columns = '(position, id, stream_id, revision, type, data, metadata, recorded_at, hash)';
  const tuple = (i: number) =>
    `(nextval('raw_position'), ${Array.from({ length: 8 }, (_, c) => `$${i * 8 + c + 1}`).join(', ')})`;
  const one = `INSERT INTO raw_events ${columns} VALUES ${tuple(0)}`;
  const many = `INSERT INTO raw_events ${columns} VALUES ${Array.from({ length: batchSize }, (_, i) => tuple(i)).join(', ')}`;
  return {
    async single(row) {
      await client.query({ name: 'raw_one', text: one, values: values(row) });
    },
    async batch(rows) {
      await client.query({ name: 'raw_many', text: many, values: rows.flatMap(values) });
    },
    release: () => client.release(),
  };
}

/**
 * `writers` pg connections, each one INSERT in its own implicit transaction: what PostgreSQL does for
 * concurrent one-row transactions without any store logic (its own WAL flushes are shared).
 * Needs the table postgresBaseline created.
 */
export async function postgresConcurrentBaseline(pool: Pool, writers: number): Promise<{ single(row: RawRow, writer: number): Promise<void>; release(): void }> {
  const clients = await Promise.all(Array.from({ length: writers }, () => pool.connect()));
  const one = `INSERT INTO raw_events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash)
    VALUES (nextval('raw_position'), $1, $2, $3, $4, $5, $6, $7, $8)`;
  return {
    async single(row, writer) {
      await clients[writer].query({ name: 'raw_one_concurrent', text: one, values: values(row) });
    },
    release: () => clients.forEach((client) => client.release()),
  };
}
