/**
 * `npm run bench -- tasks`: GET /tasks's query (apps/api/src/tasks/task-list.query.ts: visibility by
 * role, assignee, exclusions and R-KAM-2, counts per type, one sorted page with the customer's name)
 * for a person holding 10,000 open tasks across types, among 10,000 tasks of other people, on a
 * SQLite file (issue 15's target: p99 ≤ 50 ms). Baseline in the same run, same file, same driver: a
 * raw indexed SELECT of that person's 10,000 holder rows (the rows the list must consider, on the same index).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { WorkingCalendar } from '@crm/calendar';
import { ReadModelDb, type TaskOpened } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Actor, Role } from '@crm/workflow-kit';
// the bench measures the service's own query and read model, as http-approve drives the real service
// eslint-disable-next-line @nx/enforce-module-boundaries
import { customersProjection } from '../../../api/src/customers/read-models/customers.projection';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { taskProjection } from '../../../api/src/tasks/task.projection';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { listTasks } from '../../../api/src/tasks/task-list.query';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { visibleHolders } from '../../../api/src/tasks/task-visibility';

const MINE = Number(process.env.BENCH_TASKS ?? 10_000);
const RUNS = Number(process.env.BENCH_TASKS_RUNS ?? 300);
const TARGET_MS = 50;
const ME: Actor = { id: 'bench-leader', roles: ['general_manager', 'supervisor', 'sales_reviewer'] };
const TYPES: Array<[string, Role]> = [
  ['complaint.special-meeting', 'general_manager'], ['development-plan.managers-meeting', 'general_manager'], ['customer.disqualification', 'general_manager'],
  ['complaint.approve-extension', 'supervisor'], ['visit-report.acknowledge', 'supervisor'], ['onboarding.sales', 'sales_reviewer'], ['visit-plan.approve', 'sales_reviewer'],
];
const OTHERS: Role[] = ['finance_reviewer', 'customer_manager'];

function opened(i: number, role: Role, taskType: string): TaskOpened {
  const at = new Date(Date.UTC(2026, 2, 2) + i * 60_000).toISOString();
  return {
    taskId: `t-${i}`, taskType, workflow: taskType.split('.')[0], instanceId: `i-${i}`, key: '', step: taskType.split('.')[1], title: '待办', roles: [role],
    assignee: null, excluded: i % 10 === 0 ? ['someone-else'] : [], delegable: true, commands: ['Approve'], subject: { customerId: `cust-${i % 500}`, name: null },
    link: { console: `/#/x/${i}`, api: `/x/${i}` }, openedAt: at, dueAt: i % 3 === 0 ? null : new Date(Date.parse(at) + 86_400_000).toISOString(), remindAt: null, escalateAt: null,
    policy: { version: 'bench', remindAfterWorkingDays: null, escalateAfterWorkingDays: null, escalateTo: null },
  };
}

async function seed(readModels: ReadModelDb): Promise<void> {
  const stored = (i: number, data: TaskOpened): StoredEvent => ({
    id: `e-${i}`, type: 'TaskOpened', data: data as never, streamId: `s-${i}`, revision: 0, position: i + 1, recordedAt: data.openedAt, hash: '',
    metadata: { actor: 'bench', correlationId: 'c', causationId: null, occurredAt: data.openedAt, schemaVersion: 1 },
  });
  for (let start = 0; start < 2 * MINE; start += 1000) {
    await readModels.transaction(async (trx) => {
      for (let i = start; i < Math.min(start + 1000, 2 * MINE); i++) {
        const [type, role] = i < MINE ? TYPES[i % TYPES.length] : ['other.task', OTHERS[i % OTHERS.length]];
        await taskProjection.apply(stored(i, opened(i, role, type)), trx, 'sqlite');
      }
    });
  }
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** the counts statement, for EXPLAIN QUERY PLAN */
function listQuerySql(readModels: ReadModelDb) {
  return visibleHolders(readModels.db, { actor: ME, delegators: [] }).select(['task_type', (eb) => eb.fn.count('task_id').distinct().as('n')]).groupBy('task_type').compile() as { sql: string; parameters: readonly unknown[] };
}

function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

async function timed(op: () => unknown): Promise<number[]> {
  for (let i = 0; i < 5; i++) await op();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await op();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-tasks-'));
  const path = join(dir, 'rm.db');
  const readModels = await ReadModelDb.open({ kind: 'sqlite', path });
  try {
    for (const p of [taskProjection, customersProjection]) await readModels.ddl((trx) => p.migrate(trx, 'sqlite'));
    await seed(readModels);
    const raw = new Database(path, { readonly: true });
    const statement = raw.prepare(
      `SELECT task_id, task_type, due_sort, opened_at, assignee FROM task_roles WHERE role IN (${ME.roles.map(() => '?').join(',')})`,
    );
    const rows = statement.all(...ME.roles).length;
    if (process.env.BENCH_TASKS_EXPLAIN) {
      const compiled = listQuerySql(readModels);
      console.log(raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters));
    }
    const calendar = WorkingCalendar.official();
    const now = new Date('2026-03-20T02:00:00.000Z');
    const query = { sort: 'due' as const, limit: 50, offset: 0 };
    const listed = await listTasks(readModels.db, { actor: ME, delegators: [] }, query, now, calendar);
    if (listed.total !== MINE || rows !== MINE) throw new Error(`seeded ${MINE} tasks for ${ME.id}, the list counts ${listed.total}, the raw select ${rows}`);
    const rawTimes = await timed(() => statement.all(...ME.roles));
    const listTimes = await timed(() => listTasks(readModels.db, { actor: ME, delegators: [] }, query, now, calendar));
    const dueFilter = await timed(() => listTasks(readModels.db, { actor: ME, delegators: [] }, { ...query, type: 'complaint.special-meeting', dueBefore: '2026-03-05T00:00:00.000Z' }, now, calendar));
    raw.close();
    const line = (what: string, times: number[]) => {
      const ms = p99(times);
      return `| ${what} | ${ms.toFixed(2)} (median ${median(times).toFixed(2)}) | ${p99(rawTimes).toFixed(2)} (median ${median(rawTimes).toFixed(2)}) | ${(ms / p99(rawTimes)).toFixed(1)}× | ${ms <= TARGET_MS ? 'met' : 'MISSED'} (≤ ${TARGET_MS} ms) |`;
    };
    console.log(`tasks for ${ME.id}: ${MINE} open across ${TYPES.length} types, ${MINE} of other people; ${RUNS} runs; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log('| operation (SQLite file) | p99 ms | raw SELECT of the same rows p99 ms | ratio | target |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(line('GET /tasks query: counts per type + first page of 50, due order', listTimes));
    console.log(line('… filtered by type and due before', dueFilter));
  } finally {
    await readModels.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
