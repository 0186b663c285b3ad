import { randomUUID } from 'node:crypto';
import type { EventStore } from '@crm/event-store';
import type { PostgresEventStore } from '@crm/event-store-postgres';
import type { SqliteEventStore } from '@crm/event-store-sqlite';
import { latencies } from './http-approve.bench-support';

async function timedLoop(count: number, op: (n: number) => Promise<unknown>): Promise<{ perSecond: number; p99: number }> {
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  for (let n = 0; n < count; n++) {
    const t = process.hrtime.bigint();
    await op(n);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { perSecond: count / (Number(process.hrtime.bigint() - started) / 1e9), p99: latencies(samples).p99 };
}

/** the durable-append floor: one INSERT of an event-shaped row per append, its own commit */
export function rawAppend(engine: 'sqlite' | 'postgres', store: EventStore, count: number): Promise<{ perSecond: number; p99: number }> {
  const row = (n: number) => [randomUUID(), `raw-${n}`, 0, 'Raw', '{"a":1}', '{"actor":"user:x"}', new Date().toISOString(), 'h'];
  if (engine === 'sqlite') {
    const db = (store as SqliteEventStore).database;
    db.exec('CREATE TABLE IF NOT EXISTS raw_append (id TEXT, stream_id TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, recorded_at TEXT, hash TEXT)');
    const insert = db.prepare('INSERT INTO raw_append VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    return timedLoop(count, async (n) => insert.run(...row(n)));
  }
  const pool = (store as PostgresEventStore).pool;
  return pool.query('CREATE TABLE IF NOT EXISTS raw_append (id text, stream_id text, revision bigint, type text, data jsonb, metadata jsonb, recorded_at timestamptz, hash text)').then(() =>
    timedLoop(count, (n) => pool.query({ name: 'raw_append', text: 'INSERT INTO raw_append VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', values: row(n) })),
  );
}
