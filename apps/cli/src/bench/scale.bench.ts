/**
 * `npm run bench -- scale`: the service over a store of a real company's size (issue 20: "fills a
 * store with 1,000,000 events of realistic traffic (10,000 customers with applications, pickups,
 * complaints) and reports the rebuild, start-up time (≤ 5 s), RSS (≤ 500 MB) and p99 of the main
 * list queries (customers with filters, tasks, SLA board, a customer's history; ≤ 50 ms)").
 *
 * SQLite only (the embedded default). Four phases, each timed:
 * 1. fill (scale.bench-fill.ts): BENCH_SCALE_CUSTOMERS (10,000) customers onboarded over HTTP by
 *    the real service, one complaint each recorded and classified, then BENCH_SCALE_PICKUPS (60)
 *    pickups each through `import-pickups`;
 * 2. `rebuild --all` over the whole store, next to a raw read pass of the same store;
 * 3. start-up: `apps/api/src/main.ts` as `npm start` runs it (ts transpiled at load), in a process
 *    of its own on the filled store with its read models current: time until GET /health answers
 *    200 and until the customers list answers at the store's head, twice: the first start after the
 *    offline import (its reactors read what the import wrote), then a restart; RSS of each;
 * 4. queries: BENCH_SCALE_QUERIES (200) of each main list over HTTP, one at a time, p50/p99.
 * The fill takes about ten minutes: it is a long profile, not part of `npm test`. BENCH_SCALE_DIR=<dir>
 * keeps the filled store there; a later run with the same directory measures it without filling.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModelDb, ProjectionRunner } from '@crm/engine';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { latencies, type Latencies } from './http-approve.bench-support';
import { fillStore } from './scale.bench-fill';
import { reportTarget } from './target-summary';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { projections } from '../../../api/src/read-models/projection-registrations';

const CUSTOMERS = Number(process.env.BENCH_SCALE_CUSTOMERS ?? 10_000);
const PICKUPS = Number(process.env.BENCH_SCALE_PICKUPS ?? 60);
const QUERIES = Number(process.env.BENCH_SCALE_QUERIES ?? 200);
const TARGET = { startupS: 5, rssMb: 500, p99Ms: 50, rebuild: 0.5 };
const PAGE = 500;

const verdict = (met: boolean) => (met ? '**met**' : '**MISSED**');
const log = (line: string) => console.log(line);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM (peak) of a process, in MB */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function until<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 300_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Startup {
  child: ChildProcess;
  base: string;
  healthS: number;
  headS: number;
}

async function startService(path: string, dir: string, head: number): Promise<Startup> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', './tools/swc-register.cjs', 'apps/api/src/main.ts'], {
    env: { ...process.env, EVENT_STORE: `sqlite:${path}`, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO_USERS: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await until(async () => ((await fetch(`${base}/health`)).status === 200 ? true : null), 'the service answers /health');
  const healthS = (Date.now() - started) / 1000;
  const token = await tokenOf(base, 'gm');
  await until(async () => ((await fetch(`${base}/customers?limit=1&minPosition=${head}`, { headers: { authorization: `Bearer ${token}` } })).status === 200 ? true : null), 'the customers list at the head');
  return { child, base, healthS, headS: (Date.now() - started) / 1000 };
}

async function stopService(service: Startup): Promise<void> {
  if (service.child.exitCode !== null) return;
  const exited = new Promise((resolve) => service.child.once('exit', resolve));
  service.child.kill('SIGTERM');
  await exited;
}

async function tokenOf(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }) });
  if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in ${username}: ${res.status}`);
  return String(((await res.json()) as { accessToken: string }).accessToken);
}

interface Query {
  name: string;
  who: string;
  path: (n: number) => string;
  /** what was found behind a miss (docs/benchmarks.md) */
  cause: string;
}

function queries(customerIds: readonly string[]): Query[] {
  const some = (n: number) => customerIds[(n * 7919) % customerIds.length];
  return [
    { name: 'customers, filtered (grade, class, region, page of 50)', who: 'gm', path: (n) => `/customers?grade=online_auction&class=distributor&region=${encodeURIComponent('华东')}&limit=50&offset=${(n % 20) * 50}`, cause: 'not found yet' },
    { name: 'customers, searched by name', who: 'gm', path: (n) => `/customers?q=${encodeURIComponent(`宁波基准${100_000 + ((n * 37) % customerIds.length)}号`)}`, cause: 'not found yet' },
    { name: "customer manager's tasks (≈ one complaint task per customer)", who: 'manager', path: () => '/tasks', cause: 'one person holding 10,000 open tasks: the count and the page each visit every holder row' },
    { name: 'SLA board', who: 'gm', path: () => '/sla/board', cause: 'p99 spikes: the service’s own background work on the same thread' },
    { name: "a customer's history (audit)", who: 'auditor', path: (n) => `/customers/${some(n)}/history`, cause: 'p99 spikes: each auditor read appends an event that wakes the projections and reactors' },
  ];
}

interface Timed {
  name: string;
  cause: string;
  l: Latencies;
  bytes: number;
  rssAfterMb: number;
}

async function timeQueries(base: string, pid: number, customerIds: readonly string[]): Promise<Timed[]> {
  const tokens = new Map<string, string>();
  const results: Timed[] = [];
  for (const query of queries(customerIds)) {
    if (!tokens.has(query.who)) tokens.set(query.who, await tokenOf(base, query.who));
    const samples: number[] = [];
    let bytes = 0;
    for (let n = -10; n < QUERIES; n++) {
      const started = process.hrtime.bigint();
      const res = await fetch(`${base}${query.path(n + 10)}`, { headers: { authorization: `Bearer ${tokens.get(query.who)}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${query.name}: ${res.status} ${body.slice(0, 300)}`);
      if (n >= 0) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      bytes = body.length;
    }
    results.push({ name: query.name, cause: query.cause, l: latencies(samples), bytes, rssAfterMb: rssOf(pid).rss });
  }
  return results;
}

function rawReadPass(path: string): number {
  const store = SqliteEventStore.open(path);
  try {
    const statement = store.database.prepare('SELECT * FROM es_events WHERE position > ? ORDER BY position LIMIT ?');
    const started = process.hrtime.bigint();
    let events = 0;
    for (let from = 0; ; ) {
      const rows = statement.all(from, PAGE) as Array<{ position: number; data: string; metadata: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        JSON.parse(row.data);
        JSON.parse(row.metadata);
      }
      events += rows.length;
      from = rows[rows.length - 1].position;
    }
    return events / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    void store.close();
  }
}

async function rebuildAll(path: string): Promise<{ events: number; perSecond: number; failed: string[] }> {
  const store = SqliteEventStore.open(path);
  const readModels = await createReadModelDb(store);
  try {
    const all = projections();
    const { events, ms, failed } = await new ProjectionRunner(store, readModels, all).rebuildAll(all.map((p) => p.name));
    return { events, perSecond: events / (ms / 1000), failed: [...failed.keys()] };
  } finally {
    await readModels.close();
    await store.close();
  }
}

/** the customers a kept store was filled with (BENCH_SCALE_DIR), from their applications' approvals */
async function customersOf(path: string): Promise<string[]> {
  const store = SqliteEventStore.open(path);
  try {
    const ids: string[] = [];
    for (let n = 0; ; n++) {
      const approved = (await store.readStream(`onboarding-scale-${n}`)).find((e) => e.type === 'ApplicationApproved');
      if (!approved) return ids;
      ids.push(String(approved.data.customerId));
    }
  } finally {
    await store.close();
  }
}

export async function run(): Promise<void> {
  const loadStart = loadavg();
  // BENCH_SCALE_DIR keeps the filled store there, and a store already there is measured without filling again
  const kept = process.env.BENCH_SCALE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'crm-scale-bench-'));
  const path = join(dir, 'crm.db');
  let service: Startup | null = null;
  try {
    let customerIds: string[];
    if (kept && existsSync(path)) {
      customerIds = await customersOf(path);
      log(`measuring the store kept in ${dir} (${customerIds.length} customers)`);
    } else {
      mkdirSync(dir, { recursive: true });
      log(`filling: ${CUSTOMERS} customers, ${PICKUPS} pickups each`);
      const fill = await fillStore(path, dir, { customers: CUSTOMERS, pickupsPerCustomer: PICKUPS }, log);
      log(`  onboarding ${fill.seconds.onboarding.toFixed(0)} s, complaints ${fill.seconds.complaints.toFixed(0)} s, pickups ${fill.seconds.pickups.toFixed(0)} s`);
      customerIds = fill.customerIds;
    }
    const raw = rawReadPass(path);
    const rebuild = await rebuildAll(path);
    log(`  rebuilt ${rebuild.events} events`);
    // the first start after the pickups were imported offline: the reactors read what the import wrote
    service = await startService(path, dir, rebuild.events);
    const first = { healthS: service.healthS, headS: service.headS, rss: rssOf(service.child.pid as number) };
    await stopService(service);
    service = await startService(path, dir, rebuild.events);
    const atStart = rssOf(service.child.pid as number);
    const timed = await timeQueries(service.base, service.child.pid as number, customerIds);
    const afterQueries = rssOf(service.child.pid as number);
    const loadEnd = loadavg();
    const rebuildRatio = rebuild.perSecond / raw;
    console.log(`\nscale: ${rebuild.events.toLocaleString('en')} events, ${customerIds.length.toLocaleString('en')} customers; load average ${loadStart.map((l) => l.toFixed(1)).join(' ')} → ${loadEnd.map((l) => l.toFixed(1)).join(' ')}`);
    console.log('| measure | value | next to | target | |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(`| rebuild --all (${projections().length} projections, one pass) | ${rebuild.perSecond.toFixed(0)} events/s (${(rebuild.events / rebuild.perSecond).toFixed(0)} s) | raw read pass ${raw.toFixed(0)} events/s: ${rebuildRatio.toFixed(2)}× | ≥ ${TARGET.rebuild}× | ${verdict(rebuildRatio >= TARGET.rebuild && rebuild.failed.length === 0)} |`);
    console.log(`| start-up, first after the offline import, to GET /health 200 | ${first.healthS.toFixed(1)} s | lists at the head after ${first.headS.toFixed(1)} s; RSS ${first.rss.rss.toFixed(0)} MB (peak ${first.rss.peak.toFixed(0)}) | ≤ ${TARGET.startupS} s | ${verdict(first.headS <= TARGET.startupS)} |`);
    console.log(`| start-up, a restart, to GET /health 200 | ${service.healthS.toFixed(1)} s | lists at the head after ${service.headS.toFixed(1)} s | ≤ ${TARGET.startupS} s | ${verdict(service.headS <= TARGET.startupS)} |`);
    console.log(`| service RSS (the restart) | ${atStart.rss.toFixed(0)} MB after start-up, ${afterQueries.rss.toFixed(0)} MB after the queries | peak ${afterQueries.peak.toFixed(0)} MB | ≤ ${TARGET.rssMb} MB | ${verdict(afterQueries.peak <= TARGET.rssMb)} |`);
    const row = (target: string, value: string, met: boolean, cause?: string) => reportTarget({ bench: 'scale', engine: 'sqlite', target, value, met, cause });
    row(`rebuild --all of ${rebuild.events.toLocaleString('en')} events ≥ ${TARGET.rebuild}× a raw read pass`, `${rebuildRatio.toFixed(2)}×`, rebuildRatio >= TARGET.rebuild, '≈ 4.2 read-model statements per event, row by row');
    row(`first start after the offline import ≤ ${TARGET.startupS} s`, `${first.headS.toFixed(1)} s`, first.headS <= TARGET.startupS, 'the reactors read what the import wrote on the thread that answers requests (ROLE=projector moves them out)');
    row(`restart ≤ ${TARGET.startupS} s`, `${service.headS.toFixed(1)} s`, service.headS <= TARGET.startupS);
    row(`service RSS ≤ ${TARGET.rssMb} MB`, `${atStart.rss.toFixed(0)} MB after start-up, peak ${afterQueries.peak.toFixed(0)} MB`, afterQueries.peak <= TARGET.rssMb, 'V8 heap growth while history and SLA-board answers are built');
    for (const { name, l, cause } of timed) row(`${name}: p99 ≤ ${TARGET.p99Ms} ms`, `${l.p99.toFixed(1)} ms`, l.p99 <= TARGET.p99Ms, cause);
    for (const { name, l, bytes, rssAfterMb } of timed) {
      console.log(`| ${name} | p99 ${l.p99.toFixed(1)} ms | p50 ${l.p50.toFixed(1)} ms, answer ${bytes.toLocaleString('en')} bytes, RSS after ${rssAfterMb.toFixed(0)} MB | ≤ ${TARGET.p99Ms} ms | ${verdict(l.p99 <= TARGET.p99Ms)} |`);
    }
  } finally {
    if (service) await stopService(service);
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}
