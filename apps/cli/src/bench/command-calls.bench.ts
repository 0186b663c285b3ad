/**
 * `npm run bench -- command-calls`: what one command costs the store, counted, not timed (so the
 * figures do not depend on the shared machine's load). The issue-20 mix runs over HTTP against
 * the real service in-process: create, submit, three approvals, a complaint recorded and
 * classified. Every call of the store's methods is counted, whoever makes it (the request, the
 * projections, the reactors, the timers), over BENCH_MIXES (20) mixes after one untimed warm-up,
 * each mix followed by every projection catching up; on PostgreSQL also the store's statements
 * by name. Printed per command (7 per mix).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ProjectionRunner } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
// the bench drives the real service, as a client would
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { systemClock } from '../../../api/src/infrastructure/clock';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PROJECTION_RUNNER } from '../../../api/src/read-models/read-model.tokens';
import { onPostgresBenchDatabase } from './bench-database';
import { type CallCounts, countPoolQueries, countStoreCalls } from './command-calls.bench-support';
import { applicationForm, APPROVALS, settled } from './http-approve.bench-support';

const MIXES = Number(process.env.BENCH_MIXES ?? 20);
const COMMANDS_PER_MIX = 7;

interface Counted {
  engine: string;
  store: CallCounts;
  statements?: CallCounts;
}

type Call = (token: string | null, method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

function client(base: string): Call {
  return async (token, method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** one mix: an application through three approvals, and a complaint on the customer an earlier approval opened */
async function mix(call: Call, tokens: Record<string, string>, n: number, customerId: string): Promise<void> {
  const id = `mix-${n}`;
  await call(tokens.manager, 'POST', '/applications', { applicationId: id, form: applicationForm(1000 + n) });
  await call(tokens.manager, 'POST', `/applications/${id}/submit`);
  for (const [step, who, body] of APPROVALS) await call(tokens[who], 'POST', `/applications/${id}/steps/${step}/approve`, body);
  const recorded = await call(tokens.manager, 'POST', '/complaints', { customerId, receivedAt: new Date().toISOString(), channel: 'phone', content: '聚丙烯批次熔指超标。' });
  await call(tokens.manager, 'POST', `/complaints/${String(recorded.id)}/classify`, { class: 'general' });
}

async function customerOpened(store: EventStore, customerId: string): Promise<void> {
  for (let i = 0; i < 500 && (await store.readStream(`customer-${customerId}`)).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
}

/** runs the warm-up and the counted mixes on `store`; `reset` is called once the warm-up settled */
async function countedMixes(store: EventStore, counters: { reset(): void }[]): Promise<void> {
  const app = await createApp({ store, clock: systemClock, authSecret: randomBytes(32).toString('hex'), tokenTtlSeconds: 3600, seedDemoUsers: true, quiet: true });
  await app.listen(0, '127.0.0.1');
  try {
    const call = client(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    const tokens: Record<string, string> = {};
    for (const who of ['manager', 'sales', 'finance', 'gm']) tokens[who] = String((await call(null, 'POST', '/auth/token', { username: who, password: 'demo1234' })).accessToken);
    const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
    const warm = 'mix-warm';
    await call(tokens.manager, 'POST', '/applications', { applicationId: warm, form: applicationForm(999) });
    await call(tokens.manager, 'POST', `/applications/${warm}/submit`);
    for (const [step, who, body] of APPROVALS) await call(tokens[who], 'POST', `/applications/${warm}/steps/${step}/approve`, body);
    const approved = (await store.readStream(`onboarding-${warm}`)).find((e) => e.type === 'ApplicationApproved');
    const customerId = String(approved?.data.customerId);
    await customerOpened(store, customerId);
    await settled(store, runner);
    counters.forEach((c) => c.reset());
    for (let n = 0; n < MIXES; n++) {
      await mix(call, tokens, n, customerId);
      await settled(store, runner);
    }
  } finally {
    await app.close();
  }
}

async function countSqlite(): Promise<Counted> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-calls-'));
  const store = SqliteEventStore.open(join(dir, 'crm.db'));
  try {
    const calls = countStoreCalls(store);
    await countedMixes(store, [calls]);
    return { engine: 'SQLite', store: { ...calls.counts } };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countPostgres(): Promise<Counted | null> {
  return onPostgresBenchDatabase('PostgreSQL', null, async (url) => {
    const store = await PostgresEventStore.connect(url);
    try {
      const calls = countStoreCalls(store);
      const statements = countPoolQueries(store.pool);
      await countedMixes(store, [calls, statements]);
      return { engine: 'PostgreSQL', store: { ...calls.counts }, statements: { ...statements.counts } };
    } finally {
      await store.close();
    }
  });
}

function print(lines: Counted[]): void {
  const per = (n: number | undefined) => ((n ?? 0) / (MIXES * COMMANDS_PER_MIX)).toFixed(2);
  for (const { engine, store, statements } of lines) {
    console.log(`\n${engine}: store calls per command`);
    console.log('| call | per command |');
    console.log('| --- | --- |');
    for (const key of Object.keys(store).sort()) console.log(`| ${key} | ${per(store[key])} |`);
    if (!statements) continue;
    console.log(`\n${engine}: event-store statements per command (named, through the store's pool)`);
    console.log('| statement | per command |');
    console.log('| --- | --- |');
    for (const key of Object.keys(statements).sort()) console.log(`| ${key} | ${per(statements[key])} |`);
  }
}

export async function run(): Promise<void> {
  console.log(`${MIXES} mixes of ${COMMANDS_PER_MIX} commands over HTTP (create, submit, three approvals, complaint recorded and classified), each followed by every projection catching up; counted, not timed`);
  const lines = [await countSqlite(), await countPostgres()].filter((l): l is Counted => l !== null);
  print(lines);
}
