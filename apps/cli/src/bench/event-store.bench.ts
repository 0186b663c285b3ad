/**
 * `npm run bench -- event-store`: durable appends/s of the SQLite and PostgreSQL adapters next to a
 * raw baseline measured in the same run, through the same driver and settings.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { onPostgresBenchDatabase } from './bench-database';
import { type Baseline, postgresBaseline, type RawRow, sqliteBaseline } from './event-store.baselines';

const BATCH = 100;
const TARGET = { single: 0.8, batch: 0.5 };
const SINGLES = Number(process.env.BENCH_SINGLES ?? 2000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);

interface Line {
  engine: string;
  mode: 'single' | 'batch';
  store: number;
  raw: number;
}

function newEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'ComplaintRegistered',
    data: { complaintId: `C-${n}`, customerId: 'CUST-000123', category: 'quality', severity: 'high', summary: '颗粒颜色异常 colour off-spec' },
    metadata: { actor: 'user:zhang.wei', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

function rawRow(n: number): RawRow {
  const e = newEvent(n);
  return {
    id: e.id, stream: `raw-${n % 100}`, revision: n, type: e.type, data: JSON.stringify(e.data),
    metadata: JSON.stringify(e.metadata), recordedAt: new Date().toISOString(), hash: randomBytes(32).toString('hex'),
  };
}

/** ops per second of `count` sequential calls, after a short warm-up */
async function rate(count: number, op: (n: number) => Promise<unknown>): Promise<number> {
  for (let n = 0; n < Math.min(50, count); n++) await op(-1 - n);
  const started = process.hrtime.bigint();
  for (let n = 0; n < count; n++) await op(n);
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function measure(engine: string, store: EventStore, raw: Baseline): Promise<Line[]> {
  const rawSingle = await rate(SINGLES, (n) => raw.single(rawRow(SINGLES * 10 + n)));
  const storeSingle = await rate(SINGLES, (n) => store.appendToStream(`single-${n % 100}`, [newEvent(n)]));
  let revision = 0;
  const rawBatch = await rate(BATCHES, () => raw.batch(Array.from({ length: BATCH }, () => rawRow(revision++))));
  const storeBatch = await rate(BATCHES, (n) => store.appendToStream(`batch-${n}`, Array.from({ length: BATCH }, (_, i) => newEvent(i))));
  return [
    { engine, mode: 'single', store: storeSingle, raw: rawSingle },
    { engine, mode: 'batch', store: storeBatch, raw: rawBatch },
  ];
}

async function benchSqlite(): Promise<Line[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const store = SqliteEventStore.open(join(dir, 'bench.db'));
  try {
    return await measure('sqlite (WAL, synchronous=FULL)', store, sqliteBaseline(store.database, BATCH));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<Line[]> {
  return onPostgresBenchDatabase('PostgreSQL benchmark', [], async (url) => {
    const store = await PostgresEventStore.connect(url);
    const raw = await postgresBaseline(store.pool, BATCH);
    try {
      const settings = await store.pool.query<{ s: string }>("SELECT current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync') AS s");
      return await measure(`postgres (synchronous_commit ${settings.rows[0].s})`, store, raw);
    } finally {
      raw.release();
      await store.close();
    }
  });
}

function print(lines: Line[]): void {
  const rows = lines.map((l) => {
    const ratio = l.store / l.raw;
    const target = TARGET[l.mode];
    const unit = l.mode === 'single' ? 'appends/s (1 event)' : `appends/s (${BATCH} events)`;
    return [l.engine, unit, l.store.toFixed(0), l.raw.toFixed(0), `${ratio.toFixed(2)}x`, `>= ${target}x`, ratio >= target ? 'met' : 'MISSED'];
  });
  const header = ['engine', 'mode', 'store', 'raw baseline', 'ratio', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

export async function run(): Promise<void> {
  console.log(`durable appends, ${SINGLES} single-event appends and ${BATCHES} batches of ${BATCH}, sequential, one process`);
  print([...(await benchSqlite()), ...(await benchPostgres())]);
}
