/**
 * The load generator of `npm run bench -- http-load`, run as a child process so that its CPU is
 * not the service's: `clients` concurrent loops, each doing issue 20's mix over HTTP for
 * `durationMs` (create, submit, three approvals, a complaint recorded and classified), or each
 * calling GET /health/live. Answers every command's latency by kind, and the refusals.
 */
import { applicationForm, APPROVALS } from './http-approve.bench-support';

export interface LoadOrder {
  mode: 'mix' | 'health';
  base: string;
  tokens: Record<string, string>;
  customerId: string;
  clients: number;
  durationMs: number;
  /** application numbers start here, so that runs never reuse a company */
  firstNumber: number;
}

export interface LoadReport {
  seconds: number;
  latencies: Record<string, number[]>;
  errors: string[];
}

async function timedCall(report: LoadReport, kind: string, base: string, token: string | null, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  (report.latencies[kind] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

async function mix(order: LoadOrder, report: LoadReport, n: number): Promise<void> {
  const { base, tokens } = order;
  const id = `load-${n}`;
  await timedCall(report, 'create', base, tokens.manager, 'POST', '/applications', { applicationId: id, form: applicationForm(n) });
  await timedCall(report, 'submit', base, tokens.manager, 'POST', `/applications/${id}/submit`);
  for (const [step, who, body] of APPROVALS) await timedCall(report, 'approve', base, tokens[who], 'POST', `/applications/${id}/steps/${step}/approve`, body);
  const recorded = await timedCall(report, 'complaint', base, tokens.manager, 'POST', '/complaints', { customerId: order.customerId, receivedAt: new Date().toISOString(), channel: 'phone', content: '聚丙烯批次熔指超标。' });
  await timedCall(report, 'classify', base, tokens.manager, 'POST', `/complaints/${String(recorded.id)}/classify`, { class: 'general' });
}

export async function load(order: LoadOrder): Promise<LoadReport> {
  const report: LoadReport = { seconds: 0, latencies: {}, errors: [] };
  const started = process.hrtime.bigint();
  const deadline = Date.now() + order.durationMs;
  let next = order.firstNumber;
  await Promise.all(
    Array.from({ length: order.clients }, async () => {
      while (Date.now() < deadline) {
        try {
          if (order.mode === 'health') await timedCall(report, 'health', order.base, null, 'GET', '/health/live');
          else await mix(order, report, next++);
        } catch (error) {
          if (report.errors.length < 20) report.errors.push((error as Error).message);
        }
      }
    }),
  );
  report.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return report;
}

if (require.main === module) {
  process.on('message', (order: LoadOrder) => {
    void load(order).then((report) => process.send?.(report, () => process.exit(0)));
  });
}
