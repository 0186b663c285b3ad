/**
 * `npm run bench -- pickup [--large]`: what payment before delivery adds to a pickup over HTTP
 * (issue 17: "pickup command p99 over HTTP with the balance check, as a ratio to today's pickup in
 * the same run", target ≤ 1.3×).
 *
 * The real service in-process (`createApp`, quiet logger, 127.0.0.1:0) on a temp SQLite file (WAL,
 * synchronous=FULL), seeded over HTTP as people would: the committee's charter, a warehouse
 * designated for polyolefin in the catalogue, a price approved by the committee's votes, a signed
 * sales contract, a large prepayment receipt and (unless BENCH_PICKUP_ALLOCATION=0) an approved
 * allocation for the month. Then, interleaved in the same process, sequential
 * `POST /customers/{id}/pickups` of 1 t each as the account's customer manager:
 * - "today's pickup" (the target's baseline): an other_chemicals customer at a warehouse designated for nothing — no
 *   warehouse is designated for its product line, so R-PRIN-4 / R-ARC-5 are not in force for it and
 *   its pickups are recorded as tonnage only, as before the rule;
 * - "with the balance check": a polyolefin customer at the designated warehouse — priced at the
 *   price in force, covered by the balance (R-PRIN-4), inside a signed contract (R-ARC-5) and, with
 *   the allocation, within the customer's approved allocation of the month (R-ALLOC-2).
 * - for information, "nothing designated": the polyolefin customer's pickup on a second service in
 *   the same process whose catalogue designates no warehouse at all (the rollout's starting point:
 *   R-PRIN-4 and R-ARC-5 off for every line, so not even the contracts index is consulted).
 * All go through the same facts loader (`loadPrepaymentFacts`); the difference is what the decider
 * checks and what it reads for it. One pickup of each kind per round, the order rotated so that each
 * kind is first, second and third equally often: machine noise hits them alike. Before each
 * request the in-process projections catch up, untimed (as http-approve does; BENCH_SETTLE=0 times
 * them back to back, each queued behind the previous one's projection work).
 *
 * BENCH_PICKUPS (rounds timed; 1000, `--large` 5000), BENCH_PICKUP_WARMUP (100 rounds),
 * BENCH_CPU_PROFILE=<file prefix> (a .cpuprofile of the timed phase).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { customerWorkflow, type OpenCustomerArchive } from '@crm/customers';
import type { ProjectionRunner } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import type { Actor } from '@crm/workflow-kit';
import { type Latencies, latencies, profiled, settled } from './http-approve.bench-support';
import { archive, DISTRIBUTOR_ADMISSION } from './customer-archive.bench-support';
// the bench drives the real service, as a client would; customers are opened as onboarding's last step does
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { Clock } from '../../../api/src/infrastructure/clock';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PROJECTION_RUNNER } from '../../../api/src/read-models/read-model.tokens';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ExecuteWorkflowCommand } from '../../../api/src/workflows/execute-workflow.command';

const LARGE = process.argv.includes('--large');
const ROUNDS = Number(process.env.BENCH_PICKUPS ?? (LARGE ? 5000 : 1000));
const WARMUP = Number(process.env.BENCH_PICKUP_WARMUP ?? 100);
const SETTLE = process.env.BENCH_SETTLE !== '0';
const WITH_ALLOCATION = process.env.BENCH_PICKUP_ALLOCATION !== '0';
const TARGET = 1.3;

const DAY = '2026-10-12';
const MONTH = DAY.slice(0, 7);
const WAREHOUSE = 'zh-1';
const ONBOARDING: Actor = { id: 'system:onboarding', roles: [], system: true };
const CHARTER = { version: 'bench-1', members: ['gm', 'sales2', 'finance'], chairId: 'gm', quorum: 2, decisionRule: 'majority_of_members', authorityBoundPercent: 10 };

/** the real time moved to a chosen instant: the seeding happens days before the pickups' day, which is then "today" */
class ShiftedClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  set(instant: string): void {
    this.offset = Date.parse(instant) - Date.now();
  }
}


type Call = (user: string, method: string, path: string, body?: unknown) => Promise<any>;

async function http(base: string): Promise<Call> {
  const tokens = new Map<string, string>();
  const raw = async (token: string | null, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return async (user, method, path, body) => {
    let token = tokens.get(user);
    if (!token) tokens.set(user, (token = (await raw(null, 'POST', '/auth/token', { username: user, password: 'demo1234' })).accessToken as string));
    return raw(token, method, path, body);
  };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never held: ${what}`);
}

/** R-PRIN-4, R-ARC-5 (and R-ALLOC-2) in force for `enforced`; nothing designated for `plain`'s product line */
async function seed(app: Awaited<ReturnType<typeof createApp>>, clock: ShiftedClock, as: Call, plain: string, enforced: string): Promise<void> {
  const open = (data: OpenCustomerArchive) =>
    app.get(CommandBus).execute(new ExecuteWorkflowCommand(customerWorkflow.name, data.customerId, { type: 'OpenCustomerArchive', data, meta: { actor: ONBOARDING, now: clock.now().toISOString() } }));
  await open(archive(enforced, {}));
  await open(archive(plain, { productLine: 'other_chemicals', class: { salesObject: 'distributor', salesForm: null }, admission: DISTRIBUTOR_ADMISSION } as never));
  await as('admin', 'PUT', '/committee/charter', CHARTER);
  await as('admin', 'PUT', `/catalogue/warehouses/${WAREHOUSE}`, { nameZh: '镇海库', productLines: ['polyolefin'] });
  await as('sales', 'POST', '/committee/proposals', { proposalId: 'bench-price', productLineId: 'polyolefin', warehouseId: WAREHOUSE, pricePerTonne: 8000, effectiveFrom: '2026-10-10T00:00:00+08:00', reason: '十月挂牌价' });
  for (const member of ['sales2', 'finance']) await as(member, 'POST', '/committee/proposals/bench-price/votes', { vote: 'approve' });
  clock.set(`${DAY}T02:00:00.000Z`);
  await until(async () => (await as('sales', 'GET', `/prices/polyolefin/${WAREHOUSE}`)).inForce?.proposalId === 'bench-price', 'the approved price in force');
  const contract = await as('sales', 'POST', '/contracts', { customerId: enforced, productLineId: 'polyolefin', contractNo: 'HT-bench', validFrom: '2026-10-01', validUntil: '2026-12-31', terms: '年度购销合同' });
  await as('supervisor', 'POST', `/contracts/${contract.id}/approve`, {});
  await as('sales', 'POST', `/contracts/${contract.id}/sign`, { signedOn: DAY, signedByCustomer: '客户法定代表人' });
  await as('finance', 'POST', `/customers/${enforced}/receipts`, { receiptId: 'bench-receipt', productLine: 'polyolefin', amount: 1_000_000_000, receivedOn: '2026-10-11', reference: '工行回单 bench' });
  if (WITH_ALLOCATION) {
    await as('sales', 'POST', `/allocations/${MONTH}/polyolefin/proposals`, { availableTonnes: 100_000, requests: [{ customerId: enforced, tonnes: 50_000 }], note: '基准' });
    await as('gm', 'POST', `/allocations/${MONTH}/polyolefin/approve`, { round: 1, comment: '同意' });
  }
}

type Kind = 'plain' | 'enforced' | 'bare';

interface Service {
  app: Awaited<ReturnType<typeof createApp>>;
  store: EventStore;
  runner: ProjectionRunner;
  as: Call;
  close(): Promise<void>;
}

/** the real service on its own temp SQLite file, port 0 */
async function start(clock: ShiftedClock): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-pickup-'));
  const store = SqliteEventStore.open(join(dir, 'crm.db'));
  const app = await createApp({ store, clock, authSecret: randomBytes(32).toString('hex'), tokenTtlSeconds: 7 * 24 * 3600, seedDemoUsers: true, quiet: true });
  const close = async () => {
    try {
      await app.close();
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await app.listen(0, '127.0.0.1');
    const as = await http(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    return { app, store, runner: app.get<ProjectionRunner>(PROJECTION_RUNNER), as, close };
  } catch (error) {
    await close();
    throw error;
  }
}

interface Result {
  lines: Record<Kind, Latencies>;
  cpuMsPerPickup: number;
  charged: number;
  uncharged: number;
}

async function bench(): Promise<Result> {
  const clock = new ShiftedClock();
  clock.set('2026-10-09T02:00:00.000Z');
  const main = await start(clock);
  let bare: Service | null = null;
  try {
    bare = await start(clock);
    const [plain, enforced] = ['bench-oc', 'bench-po'];
    await bare.app.get(CommandBus).execute(new ExecuteWorkflowCommand(customerWorkflow.name, enforced, { type: 'OpenCustomerArchive', data: archive(enforced, {}), meta: { actor: ONBOARDING, now: clock.now().toISOString() } }));
    await seed(main.app, clock, main.as, plain, enforced);
    const pickup = (service: Service, customerId: string, warehouse: string) => (n: number) =>
      service.as('manager', 'POST', `/customers/${customerId}/pickups`, { pickupId: `k-${n}`, date: DAY, product: 'HDPE 5000S', tonnes: 1, warehouse });
    const ops: Record<Kind, { service: Service; call: (n: number) => Promise<unknown> }> = {
      plain: { service: main, call: pickup(main, plain, '某社会库') },
      enforced: { service: main, call: pickup(main, enforced, WAREHOUSE) },
      bare: { service: bare, call: pickup(bare, enforced, WAREHOUSE) },
    };
    const samples: Record<Kind, number[]> = { plain: [], enforced: [], bare: [] };
    const timed = async (which: Kind, n: number, keep: boolean) => {
      const { service, call } = ops[which];
      if (SETTLE) await settled(service.store, service.runner);
      const started = process.hrtime.bigint();
      await call(n);
      if (keep) samples[which].push(Number(process.hrtime.bigint() - started) / 1e6);
    };
    // each kind goes first, second and third equally often
    const ORDERS: Kind[][] = [['plain', 'enforced', 'bare'], ['enforced', 'bare', 'plain'], ['bare', 'plain', 'enforced'], ['plain', 'bare', 'enforced'], ['enforced', 'plain', 'bare'], ['bare', 'enforced', 'plain']];
    const rounds = async (from: number, count: number, keep: boolean) => {
      for (let n = from; n < from + count; n++) for (const which of ORDERS[n % ORDERS.length]) await timed(which, n, keep);
    };
    await rounds(0, WARMUP, false);
    const cpu = process.cpuUsage();
    const prefix = process.env.BENCH_CPU_PROFILE;
    await profiled(prefix ? `${prefix}-pickup.cpuprofile` : undefined, () => rounds(WARMUP, ROUNDS, true));
    const used = process.cpuUsage(cpu);
    // the enforced customer's pickups were charged (the rule ran), the plain customer's were not
    const chargedOf = async (service: Service, customerId: string) =>
      (await service.store.readStream(`customer-${customerId}`)).filter((e) => e.type === 'PickupRecorded' && (e.data as { charge?: unknown }).charge).length;
    return {
      lines: { plain: latencies(samples.plain), enforced: latencies(samples.enforced), bare: latencies(samples.bare) },
      cpuMsPerPickup: (used.user + used.system) / 1000 / (3 * ROUNDS),
      charged: await chargedOf(main, enforced), uncharged: (await chargedOf(main, plain)) + (await chargedOf(bare, enforced)),
    };
  } finally {
    await bare?.close();
    await main.close();
  }
}

export async function run(): Promise<void> {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  const pace = SETTLE ? 'projections caught up before each, untimed' : 'back to back';
  console.log(`${ROUNDS} interleaved rounds of POST /customers/{id}/pickups (1 t each, one of each kind per round, order rotated) over HTTP after ${WARMUP} warm-up rounds, SQLite (WAL, synchronous=FULL), ${pace}; load average ${load()}`);
  const r = await bench();
  if (r.charged !== WARMUP + ROUNDS || r.uncharged !== 0) throw new Error(`expected ${WARMUP + ROUNDS} charged pickups and no other pickup charged, got ${r.charged} and ${r.uncharged}`);
  const ms = (v: number) => v.toFixed(2);
  const rules = `R-PRIN-4 + R-ARC-5${WITH_ALLOCATION ? ' + R-ALLOC-2' : ''}`;
  const { plain, enforced, bare } = r.lines;
  const ratio = (a: Latencies, b: Latencies, p: keyof Latencies) => `${(a[p] / b[p]).toFixed(2)}×`;
  const target = enforced.p99 / plain.p99;
  console.log('| pickup | p50 ms | p95 ms | p99 ms |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| (a) today's: other_chemicals customer, no warehouse designated for its line (rule not in force) | ${ms(plain.p50)} | ${ms(plain.p95)} | ${ms(plain.p99)} |`);
  console.log(`| (b) with the balance check: polyolefin customer at its designated warehouse (${rules}) | ${ms(enforced.p50)} | ${ms(enforced.p95)} | ${ms(enforced.p99)} |`);
  console.log(`| (c) nothing designated at all (a second service in the process, empty catalogue: the rollout's starting point) | ${ms(bare.p50)} | ${ms(bare.p95)} | ${ms(bare.p99)} |`);
  console.log(`| (b) ÷ (a) | ${ratio(enforced, plain, 'p50')} | ${ratio(enforced, plain, 'p95')} | ${target.toFixed(2)}× ${target <= TARGET ? 'met' : 'MISSED'} (target ≤ ${TARGET}×) |`);
  console.log(`| (b) ÷ (c), for information | ${ratio(enforced, bare, 'p50')} | ${ratio(enforced, bare, 'p95')} | ${ratio(enforced, bare, 'p99')} |`);
  console.log(`\nprocess CPU per pickup over the timed phase (all three kinds, with catch-up, projections and reactors of both services): ${r.cpuMsPerPickup.toFixed(2)} ms; load average at the end ${load()}`);
}
