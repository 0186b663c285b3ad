import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import { preparedQuery } from '../projection/prepared-query';
import type { Projection, ReadModelDialect } from '../projection/projection';
import type { TimerFiredData, TimerScheduledData } from '../workflow/timer-events';

export const TIMERS_TABLE = 'timers';

/** Columns derived from events; claimed_by / claim_until are the scheduler's operational state. */
const DERIVED = ['timer_id', 'stream_id', 'workflow', 'instance_id', 'key', 'due_at', 'command', 'status', 'fired_at', 'late_ms', 'outcome'];

// built once, run for every timer event (see preparedQuery); scheduling again clears a claim
const unclaimed = { claimed_by: null, claim_until: null };
type ScheduledRow = { timerId: string; streamId: string; workflow: string; instanceId: string; key: string; dueAt: string; command: string };
const scheduledColumns = (p: ScheduledRow) => ({
  stream_id: p.streamId, workflow: p.workflow, instance_id: p.instanceId, key: p.key, due_at: p.dueAt, command: p.command, status: 'scheduled', ...unclaimed,
});
const timerStatus = preparedQuery<{ timerId: string }, { status: string }>((db, p) => db.selectFrom(TIMERS_TABLE).select('status').where('timer_id', '=', p.timerId));
const insertTimer = preparedQuery<ScheduledRow>((db, p) => db.insertInto(TIMERS_TABLE).values({ timer_id: p.timerId, ...scheduledColumns(p) }));
const rescheduleTimer = preparedQuery<ScheduledRow>((db, p) => db.updateTable(TIMERS_TABLE).set(scheduledColumns(p)).where('timer_id', '=', p.timerId));
const cancelTimer = preparedQuery<{ timerId: string }>((db, p) =>
  db.updateTable(TIMERS_TABLE).set({ status: 'cancelled', ...unclaimed }).where('timer_id', '=', p.timerId).where('status', '<>', 'fired'),
);
const markFired = preparedQuery<{ timerId: string; firedAt: string; lateMs: number; outcome: string }>((db, p) =>
  db.updateTable(TIMERS_TABLE).set({ status: 'fired', fired_at: p.firedAt, late_ms: p.lateMs, outcome: p.outcome, ...unclaimed }).where('timer_id', '=', p.timerId),
);

/**
 * The timers read model, fed by the engine events in workflow streams. `fired` is terminal, as in
 * the stream: a re-declared deadline with the same key and instant is the same timer.
 */
export const timersProjection: Projection = {
  name: 'timers',
  version: 1,
  eventTypes: ['TimerScheduled', 'TimerCancelled', 'TimerFired'],
  tables: [{ name: TIMERS_TABLE, orderBy: 'timer_id', columns: DERIVED }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(TIMERS_TABLE)
      .ifNotExists()
      .addColumn('timer_id', 'text', (c) => c.primaryKey())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('workflow', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('fired_at', 'text')
      .addColumn('late_ms', big)
      .addColumn('outcome', 'text')
      .addColumn('claimed_by', 'text')
      .addColumn('claim_until', 'text')
      .execute();
    // the scheduler's only query shape: next due of one status, in due order
    await db.schema.createIndex('timers_status_due').ifNotExists().on(TIMERS_TABLE).columns(['status', 'due_at']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(TIMERS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const timerId = String(event.data.timerId);
    if (event.type === 'TimerScheduled') {
      const d = event.data as unknown as TimerScheduledData;
      const existing = (await timerStatus.execute(trx, { timerId })).rows[0];
      if (existing?.status === 'fired') return;
      const row = { timerId, streamId: event.streamId, workflow: d.workflow, instanceId: d.instanceId, key: d.key, dueAt: d.dueAt, command: JSON.stringify(d.command) };
      await (existing ? rescheduleTimer : insertTimer).execute(trx, row);
    } else if (event.type === 'TimerCancelled') {
      await cancelTimer.execute(trx, { timerId });
    } else if (event.type === 'TimerFired') {
      const d = event.data as unknown as TimerFiredData;
      await markFired.execute(trx, { timerId, firedAt: d.firedAt, lateMs: d.lateMs, outcome: d.outcome });
    }
  },
};
