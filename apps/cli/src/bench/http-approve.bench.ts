/**
 * `npm run bench -- http-approve`: what an approval costs end to end over HTTP (auth, validation,
 * CQRS dispatch, stream read and replay through the machine, decision, durable append, response)
 * next to a raw durable INSERT+COMMIT of a copy of the row the approval stored, on the same kind
 * of store through the same driver and settings (SQLite WAL + synchronous=FULL; PostgreSQL on the
 * local server), one raw append before each approval so both see the same machine load.
 * Target: the approval adds ≤ 20 ms at p99.
 * Before each pair the in-process projections catch up (untimed): an approval is timed as a user
 * sees it, not queued behind the previous one's projection work; BENCH_SETTLE=0 times them back to
 * back. BENCH_APPROVALS (300), BENCH_PAUSE_MS (0, between pairs),
 * BENCH_CPU_PROFILE=<file prefix> (profiles the timed approvals), BENCH_PROJECTIONS=off (stops the
 * in-process projections before the timed phase: the request path alone), BENCH_POSTGRES_URL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, StoredEvent } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { onPostgresBenchDatabase } from './bench-database';
import { type Baseline, postgresBaseline, type RawRow, sqliteBaseline } from './event-store.baselines';
import { approvalsOverHttp, type ApprovalRun, type Latencies, latencies } from './http-approve.bench-support';

const N = Number(process.env.BENCH_APPROVALS ?? 300);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 0);
const SETTLE = process.env.BENCH_SETTLE !== '0';
const TARGET_MS = 20;

interface Line {
  engine: string;
  raw: Latencies;
  http: Latencies;
  cpuMs?: number;
}

function runFor(engine: string, baseline: ApprovalRun['baseline']): ApprovalRun {
  const prefix = process.env.BENCH_CPU_PROFILE;
  const cpuProfile = prefix ? `${prefix}-${engine}.cpuprofile` : undefined;
  return { count: N, pauseMs: PAUSE_MS, settle: SETTLE, withoutProjections: process.env.BENCH_PROJECTIONS === 'off', cpuProfile, baseline };
}

/** the approval event the service stored, so the raw rows are the same size */
async function approvalEvent(store: EventStore): Promise<StoredEvent> {
  const head = await store.headPosition();
  const tail = await store.readAll({ fromPosition: Math.max(0, head - 50), maxCount: 50 });
  const approved = tail.filter((e) => e.type.includes('Approved')).at(-1);
  if (!approved) throw new Error(`no approval among the last events: ${tail.map((e) => e.type).join(', ')}`);
  return approved;
}

/** one raw single-row append per call, of a copy of the stored approval, after a short warm-up */
async function rawAppend(baseline: Baseline, like: StoredEvent): Promise<(n: number) => Promise<void>> {
  const row = (n: number): RawRow => ({
    id: randomUUID(), stream: `raw-${n}`, revision: like.revision, type: like.type, data: JSON.stringify(like.data),
    metadata: JSON.stringify({ ...like.metadata, correlationId: randomUUID() }), recordedAt: new Date().toISOString(), hash: randomBytes(32).toString('hex'),
  });
  for (let n = 0; n < 20; n++) await baseline.single(row(-1 - n));
  return (n) => baseline.single(row(n));
}

async function benchSqlite(): Promise<Line> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-http-'));
  const store = SqliteEventStore.open(join(dir, 'crm.db'));
  const rawStore = SqliteEventStore.open(join(dir, 'raw.db'));
  try {
    const baseline = async (s: EventStore) => rawAppend(sqliteBaseline(rawStore.database, 1), await approvalEvent(s));
    const { http, raw, cpuMsPerApproval } = await approvalsOverHttp(store, runFor('sqlite', baseline));
    return { engine: 'SQLite (WAL, synchronous=FULL)', raw: latencies(raw), http: latencies(http), cpuMs: cpuMsPerApproval };
  } finally {
    await store.close();
    await rawStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<Line | null> {
  return onPostgresBenchDatabase('PostgreSQL', null, async (url) => {
    const store = await PostgresEventStore.connect(url);
    // the raw table lives in the same database, written through its own pooled connection
    const rawStore = await PostgresEventStore.connect(url);
    let release = () => undefined as void;
    try {
      const baseline = async (s: EventStore) => {
        const raw = await postgresBaseline(rawStore.pool, 1);
        release = raw.release;
        return rawAppend(raw, await approvalEvent(s));
      };
      const { http, raw, cpuMsPerApproval } = await approvalsOverHttp(store, runFor('postgres', baseline));
      const setting = await store.pool.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s");
      return { engine: `PostgreSQL (synchronous_commit ${setting.rows[0].s})`, raw: latencies(raw), http: latencies(http), cpuMs: cpuMsPerApproval };
    } finally {
      release();
      await rawStore.close();
      await store.close();
    }
  });
}

function print(lines: Line[]): void {
  const ms = (v: number) => v.toFixed(2);
  console.log('| engine | what | p50 ms | p95 ms | p99 ms |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const { engine, raw, http } of lines) {
    const added = http.p99 - raw.p99;
    console.log(`| ${engine} | raw durable INSERT+COMMIT of the same row | ${ms(raw.p50)} | ${ms(raw.p95)} | ${ms(raw.p99)} |`);
    console.log(`| ${engine} | POST /applications/:id/steps/sales/approve | ${ms(http.p50)} | ${ms(http.p95)} | ${ms(http.p99)} |`);
    console.log(`| ${engine} | added at p99 (target ≤ ${TARGET_MS}) | | | ${ms(added)} ${added <= TARGET_MS ? 'met' : 'MISSED'} |`);
  }
}

export async function run(): Promise<void> {
  const paced = `${SETTLE ? ', projections caught up before each' : ', back to back'}${PAUSE_MS ? `, ${PAUSE_MS} ms apart` : ''}`;
  console.log(`${N} sequential approvals by the sales reviewer over HTTP (keep-alive fetch, real service in-process${paced}) vs a raw durable append`);
  const lines = [await benchSqlite(), await benchPostgres()].filter((l): l is Line => l !== null);
  print(lines);
  console.log(`\nprocess CPU per approval over the timed phase (request, its raw append, catch-up, projections and reactors; less sensitive to other load than latency): ${lines.map((l) => `${l.engine.split(' ')[0]} ${l.cpuMs?.toFixed(2)} ms`).join(', ')}`);
}
