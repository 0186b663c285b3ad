/**
 * `npm run bench -- audit`: as-of for a customer with ~10,000 events (issue 8's goal: within the
 * same order of time as reading those rows) against a raw read of the same rows through the same
 * driver, plus history (machine replay) and verification for information.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerAsOf, customerHistory, customerStreamsProjection, defaultWorkflowLookup, findCustomerStreams, loadCustomerEvents, verifyChain } from '@crm/audit';
import { WorkingCalendar } from '@crm/calendar';
import { createReadModelDb, ProjectionRunner, type ReadModelDb } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { onPostgresBenchDatabase } from './bench-database';
import { BENCH_CUSTOMER, seedCustomer } from './audit.bench-data';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 9_950);
const COMPLAINTS = 10;
const RUNS = Number(process.env.BENCH_AUDIT_RUNS ?? 7);
const TARGET = 2;
const SELECT = 'SELECT position, id, stream_id, revision, type, data, metadata, recorded_at, hash FROM es_events';

type RawRead = (streamIds: string[]) => Promise<unknown[]>;
interface Line { engine: string; operation: string; ms: number; raw: number; target: number | null }

async function median(op: () => Promise<unknown>, runs = RUNS): Promise<number> {
  if (runs > 1) await op();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await op();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function measure(engine: string, store: EventStore, readModels: ReadModelDb, raw: RawRead): Promise<Line[]> {
  const span = await seedCustomer(store, EVENTS, COMPLAINTS);
  const runner = new ProjectionRunner(store, readModels, [customerStreamsProjection]);
  await runner.migrate();
  await runner.catchUp(customerStreamsProjection.name);
  const calendar = WorkingCalendar.official();
  const load = async () => loadCustomerEvents(store, (await findCustomerStreams(readModels.db, BENCH_CUSTOMER)).map((s) => s.streamId));
  const streamIds = (await findCustomerStreams(readModels.db, BENCH_CUSTOMER)).map((s) => s.streamId);
  const rows = (await raw(streamIds)).length;
  const rawMs = await median(() => raw(streamIds));
  const lines: Line[] = [];
  for (const share of [0.1, 0.5, 0.9, 1]) {
    const at = new Date(span.from + share * (span.to - span.from)).toISOString();
    const ms = await median(async () => customerAsOf(BENCH_CUSTOMER, await load(), at, { calendar }));
    lines.push({ engine, operation: `as-of at ${Math.round(share * 100)}% (${rows} rows)`, ms, raw: rawMs, target: TARGET });
  }
  // one run, and skippable (BENCH_AUDIT_HISTORY=0): the customer machine's context copies its
  // pickup record on every pickup, so a whole replay is quadratic in pickups (ADR 0009)
  if (process.env.BENCH_AUDIT_HISTORY !== '0') lines.push({ engine, operation: 'history, whole (machine replay, 1 run)', ms: await median(async () => customerHistory(await load(), defaultWorkflowLookup), 1), raw: rawMs, target: null });
  lines.push({ engine, operation: 'verify (sha-256 chains)', ms: await median(async () => verifyChain(await load())), raw: rawMs, target: null });
  return lines;
}

async function benchSqlite(): Promise<Line[]> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-audit-'));
  const store = SqliteEventStore.open(join(dir, 'bench.db'));
  const readModels = await createReadModelDb(store);
  const statement = store.database.prepare(`${SELECT} WHERE stream_id IN (SELECT value FROM json_each(?)) ORDER BY position`);
  const raw: RawRead = async (ids) => (statement.all(JSON.stringify(ids)) as any[]).map((r) => ({ ...r, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) }));
  try {
    return await measure('sqlite', store, readModels, raw);
  } finally {
    await readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<Line[]> {
  return onPostgresBenchDatabase('PostgreSQL audit benchmark', [], async (url) => {
    const store = await PostgresEventStore.connect(url);
    const readModels = await createReadModelDb(store);
    // the pg driver parses jsonb itself: the raw read includes that, as the store's read does
    const raw: RawRead = async (ids) => (await store.pool.query(`${SELECT} WHERE stream_id = ANY($1) ORDER BY position`, [ids])).rows;
    try {
      return await measure('postgres', store, readModels, raw);
    } finally {
      await readModels.close();
      await store.close();
    }
  });
}

function print(lines: Line[]): void {
  const rows = lines.map((l) => {
    const ratio = l.ms / l.raw;
    const verdict = l.target === null ? '(info)' : ratio <= l.target ? 'met' : 'MISSED';
    return [l.engine, l.operation, l.ms.toFixed(1), l.raw.toFixed(1), `${ratio.toFixed(2)}x`, l.target === null ? '-' : `<= ${l.target}x`, verdict];
  });
  const header = ['engine', 'operation', 'ms (median)', 'raw read ms', 'ratio', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

export async function run(): Promise<void> {
  console.log(`audit replay: one customer with ${EVENTS} archive events + ${COMPLAINTS} complaints, as many events of another customer interleaved; median of ${RUNS} runs`);
  console.log('as-of = read-model lookup of the customer streams + reading them through the store + replay; raw = one SELECT of the same rows (+ JSON parse), same driver');
  print([...(await benchSqlite()), ...(await benchPostgres())]);
}
