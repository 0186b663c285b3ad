import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import type { ProjectionRunner } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { creditCodeCheckChar, organisationCodeCheckChar } from '@crm/onboarding';
// the bench drives the real service, as a client would
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { systemClock } from '../../../api/src/infrastructure/clock';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PROJECTION_RUNNER } from '../../../api/src/read-models/read-model.tokens';

/** what one run does: `pauseMs` between approvals lets background projections settle first */
export interface ApprovalRun {
  count: number;
  pauseMs: number;
  /** writes a .cpuprofile of the timed phase only (open it in Chrome DevTools) */
  cpuProfile?: string;
  /** stops the in-process projections before the timed phase: the request path alone */
  withoutProjections?: boolean;
  /** untimed, before each raw+approval pair: every projection reaches the head (else back to back) */
  settle: boolean;
  /**
   * The raw baseline, built once the first (untimed) approval is stored; its calls alternate with
   * the approvals, so both see the same machine load.
   */
  baseline(store: EventStore): Promise<(n: number) => Promise<unknown>>;
}

export interface Samples {
  http: number[];
  raw: number[];
  /** the whole process's CPU time over the timed phase, per approval (with its raw append, catch-up and the projections' work): far less sensitive to other load than latency */
  cpuMsPerApproval?: number;
}

/** the same shape as apps/api/test/support/onboarding.forms.ts (copied: the CLI does not import test code) */
function creditCode(n: number): string {
  const body8 = String(60_000_000 + n);
  const body17 = `91330100${body8}${organisationCodeCheckChar(body8)}`;
  return `${body17}${creditCodeCheckChar(body17)}`;
}

export function applicationForm(n: number) {
  const code = creditCode(n);
  return {
    companyName: `宁波基准${n}号化工有限公司`,
    identifiers: { kind: 'unified', creditCode: code },
    invoicing: { bank: '中国工商银行宁波分行', accountNumber: '3901100009000123456', postalAddress: '浙江省宁波市镇海区炼化路1号', telephone: '0574-86201234' },
    contacts: [{ name: '钱采购', telephone: '13900139000', position: '采购部经理', email: 'qian@example.com' }],
    productLine: 'polyolefin',
    customerClass: { salesObject: 'distributor', salesForm: 'online_auction' },
    region: '华东',
    customerManagerId: 'manager',
    documents: [{ kind: 'business_licence', number: code, validFrom: '2024-01-01', validUntil: '2030-12-31', fileName: 'licence.pdf' }],
  };
}

/** the three approvals in order, with what each step's decider asks for (R-ONB-3: finance's checks) */
export const APPROVALS: Array<[step: string, who: string, body: Record<string, unknown>]> = [
  ['sales', 'sales', { comment: '同意' }],
  ['finance', 'finance', { comment: '同意', checked: { taxRegistration: true, invoicingData: true } }],
  ['generalManager', 'gm', { comment: '同意' }],
];

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
}

export function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p95: at(95), p99: at(99) };
}

async function millis(op: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await op();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** until every projection has applied the head, and the head stopped moving (reactors append too) */
export async function settled(store: EventStore, runner: ProjectionRunner): Promise<void> {
  for (let head = -1; head !== (head = await store.headPosition()); ) {
    for (const { name } of runner.status()) await runner.waitForPosition(name, head, 30_000);
  }
}

/** each call of `raw` then of `http`, `count` times in turn, in milliseconds */
async function alternate(count: number, raw: (n: number) => Promise<unknown>, http: (n: number) => Promise<unknown>, before: () => Promise<void>): Promise<Samples> {
  const samples: Samples = { http: [], raw: [] };
  for (let n = 0; n < count; n++) {
    await before();
    samples.raw.push(await millis(() => raw(n)));
    samples.http.push(await millis(() => http(n)));
  }
  return samples;
}

/** runs `work` under the CPU profiler when a path is given, writing the profile there */
export async function profiled<T>(path: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!path) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Starts the real service in-process on `store` (port 0), prepares `count` + 1 applications
 * waiting at the sales step, approves one untimed, then times `count` sequential approvals by the
 * sales reviewer over HTTP (fetch keeps its connection alive), each after one raw baseline append.
 * The store is the caller's to close.
 */
export async function approvalsOverHttp(store: EventStore, run: ApprovalRun): Promise<Samples> {
  const app = await createApp({ store, clock: systemClock, authSecret: randomBytes(32).toString('hex'), tokenTtlSeconds: 3600, seedDemoUsers: true, quiet: true });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const call = async (token: string | null, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { accessToken?: string };
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    const signIn = async (username: string) => (await call(null, 'POST', '/auth/token', { username, password: 'demo1234' })).accessToken as string;
    const manager = await signIn('manager');
    const sales = await signIn('sales');
    for (let n = 0; n <= run.count; n++) {
      await call(manager, 'POST', '/applications', { applicationId: `bench-${n}`, form: applicationForm(n) });
      await call(manager, 'POST', `/applications/bench-${n}/submit`);
    }
    const approve = (n: number) => call(sales, 'POST', `/applications/bench-${n}/steps/sales/approve`, { comment: '资料齐全，同意' });
    await approve(run.count); // warm-up, and the row the baseline copies
    const raw = await run.baseline(store);
    const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
    if (run.withoutProjections) await runner.stop();
    const before = async () => {
      if (run.settle && !run.withoutProjections) await settled(store, runner);
      if (run.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, run.pauseMs));
    };
    const cpu = process.cpuUsage();
    const samples = await profiled(run.cpuProfile, () => alternate(run.count, raw, approve, before));
    const used = process.cpuUsage(cpu);
    return { ...samples, cpuMsPerApproval: (used.user + used.system) / 1000 / run.count };
  } finally {
    await app.close();
  }
}
