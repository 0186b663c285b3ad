/**
 * `npm run bench -- http-approve`: what an approval costs end to end over HTTP (auth, validation,
 * CQRS dispatch, stream read and replay through the machine, decision, durable append, response)
 * next to a raw durable INSERT+COMMIT of a same-sized row on the same kind of SQLite file, same
 * driver and settings (WAL, synchronous=FULL). Target: the approval adds ≤ 20 ms at p99.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { creditCodeCheckChar, organisationCodeCheckChar } from '@crm/onboarding';
// the bench drives the real service, as a client would
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { systemClock } from '../../../api/src/infrastructure/clock';

const N = Number(process.env.BENCH_APPROVALS ?? 300);
const TARGET_MS = 20;
/** a pause between approvals lets background projections settle: isolates their share of the latency */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 0);

function creditCode(n: number): string {
  const body8 = String(60_000_000 + n);
  const body17 = `91330100${body8}${organisationCodeCheckChar(body8)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

function form(n: number) {
  const code = creditCode(n);
  return {
    companyName: `宁波基准${n}号化工有限公司`,
    identifiers: { kind: 'unified', creditCode: code },
    invoicing: { bank: '中国工商银行宁波分行', accountNumber: '3901100009000123456', postalAddress: '浙江省宁波市镇海区炼化路1号', telephone: '0574-86201234' },
    contacts: [{ name: '钱采购', telephone: '13900139000' }],
    productLine: 'polyolefin',
    customerClass: { salesObject: 'distributor', salesForm: 'online_auction' },
    region: '华东',
    customerManagerId: 'manager',
    documents: [{ kind: 'business_licence', number: code, validFrom: '2024-01-01', validUntil: '2030-12-31' }],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

async function httpApprovals(dir: string): Promise<number[]> {
  const store = SqliteEventStore.open(join(dir, 'crm.db'));
  const app = await createApp({ store, clock: systemClock, authSecret: randomBytes(32).toString('hex'), tokenTtlSeconds: 3600, seedDemoUsers: true, quiet: true });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const call = async (token: string | null, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    const signIn = async (username: string) => (await call(null, 'POST', '/auth/token', { username, password: 'demo1234' })).accessToken as string;
    const manager = await signIn('manager');
    const sales = await signIn('sales');
    for (let n = 0; n < N; n++) {
      await call(manager, 'POST', '/applications', { applicationId: `bench-${n}`, form: form(n) });
      await call(manager, 'POST', `/applications/bench-${n}/submit`);
    }
    const samples: number[] = [];
    for (let n = 0; n < N; n++) {
      if (PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      const started = process.hrtime.bigint();
      await call(sales, 'POST', `/applications/bench-${n}/steps/sales/approve`, { comment: '资料齐全，同意' });
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return samples;
  } finally {
    await app.close();
    await store.close();
  }
}

function rawAppends(dir: string): number[] {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE raw (position INTEGER PRIMARY KEY, id TEXT, stream TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, recorded_at TEXT, hash TEXT)');
  const insert = db.prepare('INSERT INTO raw (id, stream, revision, type, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const data = JSON.stringify({ step: 'sales', by: 'sales', role: 'sales_reviewer', comment: '资料齐全，同意', round: 1, at: new Date().toISOString(), onBehalfOf: null, delegationId: null, nextReminderDueAt: null });
  const samples: number[] = [];
  try {
    for (let n = 0; n < N; n++) {
      const metadata = JSON.stringify({ actor: 'sales', correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1, machineVersion: '1' });
      const started = process.hrtime.bigint();
      db.transaction(() => insert.run(randomUUID(), `onboarding-bench-${n}`, 2, 'SalesReviewApproved', data, metadata, new Date().toISOString(), randomBytes(32).toString('hex')))();
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return samples;
  } finally {
    db.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-http-'));
  try {
    const raw = summary(rawAppends(dir));
    const http = summary(await httpApprovals(dir));
    const added = http.p99 - raw.p99;
    const fmt = (ms: number) => ms.toFixed(2);
    console.log(`${N} sequential approvals${PAUSE_MS ? ` (${PAUSE_MS} ms apart)` : ''} as the sales reviewer over HTTP (keep-alive fetch, real service on SQLite WAL + synchronous=FULL), vs raw INSERT+COMMIT`);
    console.log('| what | p50 ms | p95 ms | p99 ms |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| raw durable INSERT+COMMIT | ${fmt(raw.p50)} | ${fmt(raw.p95)} | ${fmt(raw.p99)} |`);
    console.log(`| POST /applications/:id/steps/sales/approve | ${fmt(http.p50)} | ${fmt(http.p95)} | ${fmt(http.p99)} |`);
    console.log(`| added by the approval at p99 | | | ${fmt(added)} (target ≤ ${TARGET_MS}: ${added <= TARGET_MS ? 'met' : 'MISSED'}) |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
