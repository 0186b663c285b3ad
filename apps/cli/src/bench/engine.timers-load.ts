import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { assign, setup } from 'xstate';
import { createReadModelDb, ProjectionRunner, TimerScheduler, timersProjection, WorkflowEngine, WorkflowRegistry } from '@crm/engine';
import type { WorkflowDefinition } from '@crm/workflow-kit';
import { type BenchStore, percentile } from './engine.bench-support';

/** A one-deadline workflow: opened with a due instant, closed by its timer. */
const machine = setup({ types: { context: {} as { dueAt: string | null }, events: {} as { type: 'ReminderSet'; data: { dueAt: string } } | { type: 'ReminderDue'; data: Record<string, never> } } }).createMachine({
  id: 'reminder',
  initial: 'none',
  context: { dueAt: null },
  states: {
    none: { on: { ReminderSet: { target: 'waiting', actions: assign({ dueAt: ({ event }) => (event.type === 'ReminderSet' ? event.data.dueAt : null) }) } } },
    waiting: { on: { ReminderDue: 'done' } },
    done: { type: 'final' },
  },
});
const reminder: WorkflowDefinition = {
  name: 'reminder',
  version: '1',
  streamPrefix: 'reminder',
  machine,
  creationCommands: ['SetReminder'],
  commandSchemas: { SetReminder: z.object({ dueAt: z.string() }), FireReminder: z.object({}) },
  eventSchemas: { ReminderSet: z.object({ dueAt: z.string() }), ReminderDue: z.object({}) },
  decide: (command: any) => (command.type === 'SetReminder' ? [{ type: 'ReminderSet', data: { dueAt: command.data.dueAt } }] : [{ type: 'ReminderDue', data: {} }]),
  deadlines: (state: any) => (state.state === 'waiting' ? [{ key: 'due', dueAt: state.context.dueAt, command: { type: 'FireReminder', data: {} } }] : []),
};

export interface TimerLoadResult {
  pending: number;
  fired: number;
  p50: number;
  p99: number;
  max: number;
  rssDeltaMb: number;
  heapDeltaMb: number;
}

/**
 * `pending` far-future timers sit in the timers table (inserted as rows: building them through
 * commands would only measure appends); `due` reminders are created through the engine to fall
 * due over `windowMs`. Lateness = the scheduler's clock when it issues the command minus due time.
 */
export async function timerLoad(bench: BenchStore, pending: number, due: number, windowMs: number): Promise<TimerLoadResult> {
  const readModels = await createReadModelDb(bench.store);
  const engine = new WorkflowEngine(bench.store);
  const registry = new WorkflowRegistry().register(reminder);
  const runner = new ProjectionRunner(bench.store, readModels, [timersProjection], { idlePollMs: 50 });
  await runner.migrate();
  await insertPendingRows(readModels.db, pending);
  const lateness: number[] = [];
  const scheduler = new TimerScheduler(engine, registry, readModels, { pollMs: 100, onFired: (f) => void (f.outcome === 'executed' && lateness.push(f.lateMs)) });
  const base = process.memoryUsage();
  let peak = { rss: base.rss, heap: base.heapUsed };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
  }, 50);
  await runner.start();
  await scheduler.start();
  // every reminder is created (and projected) before the first falls due, so creation load does not count as lateness
  const start = Date.now() + 3000 + due * 10;
  for (let i = 0; i < due; i++) {
    const dueAt = new Date(start + Math.floor((i * windowMs) / due)).toISOString();
    await engine.execute(reminder, `r${i}`, { type: 'SetReminder', data: { dueAt }, meta: { actor: { id: 'bench', roles: [] }, now: new Date().toISOString() } }, undefined);
  }
  if (Date.now() > start) console.warn(`!!! creating ${due} reminders outlasted the lead time: early lateness includes creation`);
  const deadline = Date.now() + windowMs + 60_000;
  while (lateness.length < due && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  clearInterval(sampler);
  await scheduler.stop();
  await runner.stop();
  await readModels.close();
  const sorted = [...lateness].sort((a, b) => a - b);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return {
    pending,
    fired: lateness.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    rssDeltaMb: mb(peak.rss - base.rss),
    heapDeltaMb: mb(peak.heap - base.heapUsed),
  };
}

async function insertPendingRows(db: import('kysely').Kysely<any>, count: number): Promise<void> {
  const far = Date.parse('2099-01-01T00:00:00Z');
  for (let from = 0; from < count; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - from) }, (_, i) => {
      const n = from + i;
      return {
        timer_id: randomUUID(), stream_id: `reminder-far-${n}`, workflow: 'reminder', instance_id: `far-${n}`, key: 'due',
        due_at: new Date(far + n * 60_000).toISOString(), command: '{"type":"FireReminder","data":{}}', status: 'scheduled',
      };
    });
    await db.insertInto('timers').values(rows).execute();
  }
}
