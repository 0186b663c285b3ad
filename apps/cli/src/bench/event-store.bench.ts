/**
 * `npm run bench -- event-store`: durable appends/s of the SQLite and PostgreSQL adapters next to a
 * raw baseline measured in the same run, through the same driver and settings. Store and raw
 * alternate in ROUNDS rounds; each line reports the median of the per-round ratios (and the
 * medians of the rates). Every store append gives the exact expected revision, as commands do.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { onPostgresBenchDatabase } from './bench-database';
import { type Baseline, postgresBaseline, postgresConcurrentBaseline, type RawRow, sqliteBaseline } from './event-store.baselines';

const BATCH = 100;
const WRITERS = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SINGLES = Number(process.env.BENCH_SINGLES ?? 400);
const PER_WRITER = Number(process.env.BENCH_PER_WRITER ?? 100);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);

interface Line {
  engine: string;
  mode: string;
  store: number[];
  raw: number[];
  baseline: string;
  target: number;
}

function newEvent(n: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'ComplaintRegistered',
    data: { complaintId: `C-${n}`, customerId: 'CUST-000123', category: 'quality', severity: 'high', summary: '颗粒颜色异常 colour off-spec' },
    metadata: { actor: 'user:zhang.wei', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

let rawSeq = 0;
function rawRow(): RawRow {
  const n = rawSeq++;
  const e = newEvent(n);
  return {
    id: e.id, stream: `raw-${n}`, revision: 0, type: e.type, data: JSON.stringify(e.data),
    metadata: JSON.stringify(e.metadata), recordedAt: new Date().toISOString(), hash: randomBytes(32).toString('hex'),
  };
}

/** ops per second of `writers` concurrent loops of `count` calls each */
async function rate(writers: number, count: number, op: (writer: number, n: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; n < count; n++) await op(w, n);
  }));
  return (writers * count) / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** appends with the exact expected revision on fresh streams of this round */
function exactAppender(store: EventStore, round: string) {
  const revisions = new Map<string, number>();
  return async (stream: string, events: NewEvent[]) => {
    const key = `${round}-${stream}`;
    const last = revisions.get(key);
    const result = await store.appendToStream(key, events, { expectedRevision: last ?? 'no_stream' });
    revisions.set(key, result.nextExpectedRevision);
  };
}

interface Raw extends Baseline {
  concurrent?(writer: number, row: RawRow): Promise<void>;
}

async function measure(engine: string, store: EventStore, raw: Raw): Promise<Line[]> {
  const lines: Record<string, Line> = {
    single: { engine, mode: 'appends/s, 1 writer', store: [], raw: [], baseline: 'raw INSERT+COMMIT, 1 writer', target: engine.startsWith('postgres') ? 0.9 : 0.8 },
    group: { engine, mode: `appends/s, ${WRITERS} writers`, store: [], raw: [], baseline: 'raw INSERT+COMMIT, 1 writer (one fsync each)', target: 3 },
    batch: { engine, mode: `appends/s, ${BATCH}-event batches`, store: [], raw: [], baseline: 'raw multi-row insert', target: 0.5 },
  };
  if (raw.concurrent) lines.rawGroup = { engine, mode: `appends/s, ${WRITERS} writers`, store: [], raw: [], baseline: `raw INSERT+COMMIT, ${WRITERS} writers`, target: 1 };
  const warm = exactAppender(store, 'warm');
  for (let n = 0; n < 50; n++) {
    await warm(`w-${n % 5}`, [newEvent(n)]);
    await raw.single(rawRow());
  }
  for (let round = 0; round < ROUNDS; round++) {
    const append = exactAppender(store, `r${round}`);
    // alternate which side goes first, so neither always runs on a warmer (or busier) machine
    const pairs: [Line, () => Promise<number>, () => Promise<number>][] = [
      [lines.single, () => rate(1, SINGLES, (_, n) => append(`single-${n % 100}`, [newEvent(n)])), () => rate(1, SINGLES, () => raw.single(rawRow()))],
      [lines.group, () => rate(WRITERS, PER_WRITER, (w, n) => append(`writer-${w}`, [newEvent(n)])), () => rate(1, SINGLES, () => raw.single(rawRow()))],
      [lines.batch, () => rate(1, BATCHES, (_, n) => append(`batch-${n}`, Array.from({ length: BATCH }, (_, i) => newEvent(i)))), () => rate(1, BATCHES, () => raw.batch(Array.from({ length: BATCH }, rawRow)))],
    ];
    if (lines.rawGroup && raw.concurrent) {
      const concurrent = raw.concurrent;
      pairs.push([lines.rawGroup, () => rate(WRITERS, PER_WRITER, (w, n) => append(`writer2-${w}`, [newEvent(n)])), () => rate(WRITERS, PER_WRITER, (w) => concurrent(w, rawRow()))]);
    }
    for (const [line, storeSide, rawSide] of pairs) {
      if (round % 2 === 0) {
        line.store.push(await storeSide());
        line.raw.push(await rawSide());
      } else {
        line.raw.push(await rawSide());
        line.store.push(await storeSide());
      }
    }
  }
  return Object.values(lines);
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
    const concurrent = await postgresConcurrentBaseline(url, WRITERS);
    try {
      const settings = await store.pool.query<{ s: string }>("SELECT current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync') AS s");
      return await measure(`postgres (synchronous_commit ${settings.rows[0].s})`, store, { ...raw, concurrent: concurrent.single });
    } finally {
      raw.release();
      await concurrent.end();
      await store.close();
    }
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function print(lines: Line[]): void {
  const rows = lines.map((l) => {
    const ratios = l.store.map((s, i) => s / l.raw[i]);
    const ratio = median(ratios);
    return [l.engine, l.mode, median(l.store).toFixed(0), l.baseline, median(l.raw).toFixed(0), `${ratio.toFixed(2)}x (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`, `>= ${l.target}x`, ratio >= l.target ? 'met' : 'MISSED'];
  });
  const header = ['engine', 'mode', 'store', 'baseline', 'raw', 'median ratio (range)', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

export async function run(): Promise<void> {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`durable appends, exact expected revisions, ${ROUNDS} interleaved rounds (median of per-round ratios); load average ${load()}`);
  const lines = [...(await benchSqlite()), ...(await benchPostgres())];
  print(lines);
  console.log(`load average at the end ${load()}`);
}
