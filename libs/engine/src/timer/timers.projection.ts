import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import type { Projection, ReadModelDialect } from '../projection/projection';
import type { TimerFiredData, TimerScheduledData } from '../workflow/timer-events';

export const TIMERS_TABLE = 'timers';

/** Columns derived from events; claimed_by / claim_until are the scheduler's operational state. */
const DERIVED = ['timer_id', 'stream_id', 'workflow', 'instance_id', 'key', 'due_at', 'command', 'status', 'fired_at', 'late_ms', 'outcome'];

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
    const unclaimed = { claimed_by: null, claim_until: null };
    if (event.type === 'TimerScheduled') {
      const d = event.data as unknown as TimerScheduledData;
      const existing = await trx.selectFrom(TIMERS_TABLE).select('status').where('timer_id', '=', timerId).executeTakeFirst();
      if (existing?.status === 'fired') return;
      const row = { stream_id: event.streamId, workflow: d.workflow, instance_id: d.instanceId, key: d.key, due_at: d.dueAt, command: JSON.stringify(d.command), status: 'scheduled' };
      if (existing) await trx.updateTable(TIMERS_TABLE).set({ ...row, ...unclaimed }).where('timer_id', '=', timerId).execute();
      else await trx.insertInto(TIMERS_TABLE).values({ timer_id: timerId, ...row, ...unclaimed }).execute();
    } else if (event.type === 'TimerCancelled') {
      await trx.updateTable(TIMERS_TABLE).set({ status: 'cancelled', ...unclaimed }).where('timer_id', '=', timerId).where('status', '<>', 'fired').execute();
    } else if (event.type === 'TimerFired') {
      const d = event.data as unknown as TimerFiredData;
      await trx
        .updateTable(TIMERS_TABLE)
        .set({ status: 'fired', fired_at: d.firedAt, late_ms: d.lateMs, outcome: d.outcome, ...unclaimed })
        .where('timer_id', '=', timerId)
        .execute();
    }
  },
};
