import type { ProjectionRunner } from '@crm/engine';
import type { TimerScheduler } from '@crm/engine';
import { PROJECTION_RUNNER } from '../../src/read-models/read-model.tokens';
import { TIMER_SCHEDULER } from '../../src/timers/timers.module';
import { archive, openCustomer } from '../customers/customer-fixtures';
import type { TestApi } from '../support/test-api';

export const runnerOf = (api: TestApi) => api.app.get<ProjectionRunner>(PROJECTION_RUNNER);

/** Everything written so far is in the named read models. */
export async function caughtUp(api: TestApi, ...names: string[]): Promise<number> {
  const head = await api.store.headPosition();
  for (const name of names) await runnerOf(api).waitForPosition(name, head, 10_000);
  return head;
}

/** Fires every timer due at the manual clock's now, once the timers read model has every schedule. */
export async function fireDueTimers(api: TestApi) {
  await caughtUp(api, 'timers');
  return api.app.get<TimerScheduler>(TIMER_SCHEDULER).runDue();
}

/** One webhook delivery pass now, once the outbox has every event. */
export async function deliverWebhooks(api: TestApi, adminToken: string) {
  await caughtUp(api, 'notification_outbox');
  const res = await api.request('POST', '/webhooks/deliveries/run', { token: adminToken });
  if (res.status !== 200) throw new Error(`delivery pass failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.outcomes as Array<{ deliveryId: string; delivered: boolean }>;
}

export const complaintBody = (receivedAt: string, customerId = 'cust-pe-1') => ({
  customerId,
  receivedAt,
  channel: 'phone',
  content: '聚丙烯批次熔指超标，要求退换货。',
});

/** A complaint is for an existing customer (R-KAM-2 guard): open the archive, managed by `manager`, unless it is there. */
export async function ensureCustomer(api: TestApi, customerId = 'cust-pe-1', customerManagerId = 'manager'): Promise<void> {
  if ((await api.store.readStream(`customer-${customerId}`)).length > 0) return;
  await openCustomer(api, archive(customerId, { customerManagerId }));
}

export async function recordAndClassify(api: TestApi, token: string, receivedAt: string, complaintClass: 'general' | 'major' | 'serious', customerId?: string) {
  await ensureCustomer(api, customerId);
  const recorded = await api.request('POST', '/complaints', { token, body: complaintBody(receivedAt, customerId) });
  if (recorded.status !== 201) throw new Error(`record failed: ${recorded.status} ${JSON.stringify(recorded.body)}`);
  const id = recorded.body.id as string;
  const classified = await api.request('POST', `/complaints/${id}/classify`, { token, body: { class: complaintClass } });
  if (classified.status !== 200) throw new Error(`classify failed: ${classified.status} ${JSON.stringify(classified.body)}`);
  return { id, position: classified.body.position as number };
}
