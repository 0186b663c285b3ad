import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ProjectionRunner } from '@crm/engine';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { importPickupsCommand } from '../commands/import-pickups.command';
import { applicationForm, APPROVALS, settled } from './http-approve.bench-support';
// the fill drives the real service, as its users would
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createApp } from '../../../api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { systemClock } from '../../../api/src/infrastructure/clock';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PROJECTION_RUNNER } from '../../../api/src/read-models/read-model.tokens';

const LANES = 16;
const IMPORT_FILE_ROWS = 100_000;

export interface FillPlan {
  customers: number;
  pickupsPerCustomer: number;
}

export interface FillReport {
  customerIds: string[];
  seconds: { onboarding: number; complaints: number; pickups: number };
}

type Post = (who: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

async function signedIn(base: string): Promise<Post> {
  const tokens: Record<string, string> = {};
  for (const who of ['manager', 'sales', 'finance', 'gm']) {
    const res = await fetch(`${base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: who, password: 'demo1234' }) });
    tokens[who] = String(((await res.json()) as { accessToken: string }).accessToken);
  }
  return async (who, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
}

/** `work(n)` for n in [0, count), LANES at a time */
async function inLanes(count: number, work: (n: number) => Promise<void>): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: LANES }, async () => {
    for (let n = next++; n < count; n = next++) await work(n);
  }));
  return (Date.now() - started) / 1000;
}

/**
 * Realistic traffic into a fresh SQLite file: the real service in-process onboards every customer
 * over HTTP (create, submit, the three approvals; the service's reactor opens the archive) and
 * records and classifies one complaint for each; then, with the service stopped, the customers'
 * pickups are imported with the real `import-pickups` command, files of up to 100,000 rows.
 */
export async function fillStore(path: string, dir: string, plan: FillPlan, log: (line: string) => void): Promise<FillReport> {
  const store = SqliteEventStore.open(path);
  const app = await createApp({ store, clock: systemClock, authSecret: randomBytes(32).toString('hex'), tokenTtlSeconds: 24 * 3600, seedDemoUsers: true, quiet: true });
  const customerIds: string[] = [];
  const seconds = { onboarding: 0, complaints: 0, pickups: 0 };
  try {
    await app.listen(0, '127.0.0.1');
    const post = await signedIn(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    seconds.onboarding = await inLanes(plan.customers, async (n) => {
      const id = `scale-${n}`;
      await post('manager', '/applications', { applicationId: id, form: applicationForm(100_000 + n) });
      await post('manager', `/applications/${id}/submit`);
      for (const [step, who, body] of APPROVALS) await post(who, `/applications/${id}/steps/${step}/approve`, body);
      if (n % 1000 === 999) log(`  onboarded ${n + 1}`);
    });
    await settled(store, app.get<ProjectionRunner>(PROJECTION_RUNNER));
    for (let n = 0; n < plan.customers; n++) {
      const approved = (await store.readStream(`onboarding-scale-${n}`)).find((e) => e.type === 'ApplicationApproved');
      customerIds.push(String(approved?.data.customerId));
    }
    // the service's reactor opens each archive after the approval: complaints need it open
    for (const customerId of customerIds) {
      for (let i = 0; (await store.readStream(`customer-${customerId}`)).length === 0; i++) {
        if (i > 3000) throw new Error(`customer ${customerId} was never opened`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    seconds.complaints = await inLanes(plan.customers, async (n) => {
      const recorded = await post('manager', '/complaints', { customerId: customerIds[n], receivedAt: new Date().toISOString(), channel: 'phone', content: '聚丙烯批次熔指超标。' });
      await post('manager', `/complaints/${String(recorded.id)}/classify`, { class: n % 10 === 0 ? 'major' : 'general' });
    });
    await settled(store, app.get<ProjectionRunner>(PROJECTION_RUNNER));
  } finally {
    await app.close();
    await store.close();
  }
  seconds.pickups = await importPickups(path, dir, customerIds, plan.pickupsPerCustomer, log);
  return { customerIds, seconds };
}

/** every customer's pickups, dated today and back (the archives were opened today: none earlier), customers interleaved */
async function importPickups(path: string, dir: string, customerIds: readonly string[], perCustomer: number, log: (line: string) => void): Promise<number> {
  const started = Date.now();
  const total = customerIds.length * perCustomer;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (let first = 0, file = 0; first < total; first += IMPORT_FILE_ROWS, file++) {
    const rows = ['customerId,pickupId,date,product,tonnes,warehouse'];
    for (let n = first; n < Math.min(total, first + IMPORT_FILE_ROWS); n++) rows.push(`${customerIds[n % customerIds.length]},pk-${n},${today},LLDPE 7042,${1 + (n % 9)},镇海库`);
    const csv = join(dir, `pickups-${file}.csv`);
    writeFileSync(csv, rows.join('\n'));
    const said: string[] = [];
    const exit = await importPickupsCommand.run([csv, '--store', `sqlite:${path}`], { out: (t) => said.push(t), err: (t) => said.push(t), interactive: false, env: {} });
    if (exit !== 0) throw new Error(`pickup import failed: ${said.join('').slice(-500)}`);
    log(`  pickups ${Math.min(total, first + IMPORT_FILE_ROWS)} of ${total}`);
  }
  return (Date.now() - started) / 1000;
}
