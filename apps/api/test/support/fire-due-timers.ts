import { type ProjectionRunner, type ReadModelDb, type TimerFiring, type TimerScheduler, TIMERS_TABLE, timersProjection } from '@crm/engine';
import { PROJECTION_RUNNER, READ_MODEL_DB } from '../../src/read-models/read-model.tokens';
import { TIMER_SCHEDULER } from '../../src/timers/timers.module';
import type { TestApi } from './test-api';

/**
 * Fires every timer due at the manual clock's now, once the timers read model has every schedule.
 * A timer the service's own scheduler claimed first is still firing when this pass returns: wait
 * until no due timer is still held by that claim, so the caller reads its stream after the firing landed.
 */
export async function fireDueTimers(api: TestApi): Promise<TimerFiring[]> {
  const scheduler = api.app.get<TimerScheduler>(TIMER_SCHEDULER);
  await timersCaughtUp(api);
  const fired = await scheduler.runDue();
  for (let waited = 0; waited < 10_000 && (await dueInFlight(api)) > 0; waited += 25) {
    await new Promise((r) => setTimeout(r, 25));
    await timersCaughtUp(api);
    fired.push(...(await scheduler.runDue()));
  }
  return fired;
}

async function timersCaughtUp(api: TestApi): Promise<void> {
  await api.app.get<ProjectionRunner>(PROJECTION_RUNNER).waitForPosition(timersProjection.name, await api.store.headPosition(), 10_000);
}

async function dueInFlight(api: TestApi): Promise<number> {
  const db = api.app.get<ReadModelDb>(READ_MODEL_DB).db;
  // due, and held by a claim: another scheduler's firing in flight (an unclaimed one the pass above would have fired)
  const rows = await db.selectFrom(TIMERS_TABLE).select('timer_id').where('status', '=', 'scheduled').where('claimed_by', 'is not', null).where('due_at', '<=', api.clock.now().toISOString()).execute();
  return rows.length;
}
