import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';

const PAGE = 500;
const UPSERT = `INSERT INTO raw_stream_stats (stream_id, events, tonnes, last_type, last_position) VALUES ($1, 1, $2, $3, $4)
  ON CONFLICT (stream_id) DO UPDATE SET events = raw_stream_stats.events + 1, tonnes = raw_stream_stats.tonnes + excluded.tonnes,
  last_type = excluded.last_type, last_position = excluded.last_position`;
// dropped first: the bench runs the raw loop once per round, each from an empty table
const DDL = (big: string) => [
  'DROP TABLE IF EXISTS raw_stream_stats',
  'DROP TABLE IF EXISTS raw_checkpoint',
  `CREATE TABLE raw_stream_stats (stream_id text PRIMARY KEY, events integer NOT NULL, tonnes real NOT NULL, last_type text NOT NULL, last_position ${big} NOT NULL)`,
  `CREATE TABLE raw_checkpoint (id integer PRIMARY KEY, position ${big} NOT NULL)`,
  'INSERT INTO raw_checkpoint VALUES (1, 0)',
];

interface Row {
  position: number | string;
  stream_id: string;
  type: string;
  data: string | { tonnes?: number };
  metadata: unknown;
}

/**
 * The hand-written baseline: read the store's rows page by page with the driver, parse them, upsert
 * one row per event and move a checkpoint, one transaction per page: what a projection costs
 * without the engine. Returns events/s.
 */
export function rawSqliteRebuild(path: string): number {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  DDL('integer').forEach((s) => db.exec(s));
  const read = db.prepare('SELECT position, id, stream_id, revision, type, data, metadata, recorded_at, hash FROM es_events WHERE position > ? ORDER BY position LIMIT ?');
  const upsert = db.prepare(UPSERT.replace(/\$\d/g, '?'));
  const checkpoint = db.prepare('UPDATE raw_checkpoint SET position = ? WHERE id = 1');
  const page = db.transaction((rows: Row[]) => {
    for (const r of rows) {
      const data = JSON.parse(r.data as string) as { tonnes?: number };
      JSON.parse(r.metadata as string);
      upsert.run(r.stream_id, Number(data.tonnes ?? 0), r.type, r.position);
    }
    checkpoint.run(rows[rows.length - 1].position);
  });
  const started = process.hrtime.bigint();
  let position = 0;
  let count = 0;
  for (;;) {
    const rows = read.all(position, PAGE) as Row[];
    if (rows.length === 0) break;
    page(rows);
    position = Number(rows[rows.length - 1].position);
    count += rows.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return count / seconds;
}

export async function rawPostgresRebuild(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  for (const statement of DDL('bigint')) await client.query(statement);
  const started = process.hrtime.bigint();
  let position = 0;
  let count = 0;
  for (;;) {
    const { rows } = await client.query<Row>(
      'SELECT position, id, stream_id, revision, type, data, metadata, recorded_at, hash FROM es_events WHERE position > $1 ORDER BY position LIMIT $2',
      [position, PAGE],
    );
    if (rows.length === 0) break;
    await client.query('BEGIN');
    for (const r of rows) {
      const data = r.data as { tonnes?: number };
      await client.query({ name: 'raw_upsert', text: UPSERT, values: [r.stream_id, Number(data.tonnes ?? 0), r.type, r.position] });
    }
    await client.query('UPDATE raw_checkpoint SET position = $1 WHERE id = 1', [rows[rows.length - 1].position]);
    await client.query('COMMIT');
    position = Number(rows[rows.length - 1].position);
    count += rows.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  return count / seconds;
}
