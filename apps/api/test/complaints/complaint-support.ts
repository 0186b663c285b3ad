import type { ProjectionRunner } from '@crm/engine';
import { PROJECTION_RUNNER } from '../../src/read-models/read-model.tokens';
import { archive, openCustomer } from '../customers/customer-fixtures';
import type { TestApi } from '../support/test-api';
import { ComplaintPolicyApprovalProcess } from '../../src/complaints/complaint-policy-approval.process';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';

export const runnerOf = (api: TestApi) => api.app.get<ProjectionRunner>(PROJECTION_RUNNER);

/** Everything written so far is in the named read models. */
export async function caughtUp(api: TestApi, ...names: string[]): Promise<number> {
  const head = await api.store.headPosition();
  for (const name of names) await runnerOf(api).waitForPosition(name, head, 10_000);
  return head;
}

export { fireDueTimers } from '../support/fire-due-timers';

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

/** A committee whose majority of members approves: gm, sales2 and finance of five. */
export const TEST_CHARTER = { version: 'c-test', members: ['gm', 'sales2', 'finance', 'supervisor', 'finance2'], chairId: 'gm', quorum: 3, decisionRule: 'majority_of_members', authorityBoundPercent: 10 };

/**
 * R-PRICE-1: a complaint policy comes into force the only way there is — proposed to the
 * committee (charter published first if none), approved by a majority of its members, published by
 * the approval. Returns the proposal's answer and the policy in force afterwards.
 */
export async function publishThroughCommittee(api: TestApi, policy: object, proposer = 'admin') {
  const admin = await api.tokenFor('admin');
  const charter = await api.request('GET', '/committee/charter', { token: admin });
  if (charter.status !== 200 || !charter.body?.charter) await api.request('PUT', '/committee/charter', { token: admin, body: TEST_CHARTER });
  const proposed = await api.request('PUT', '/complaint-policies/current', { token: await api.tokenFor(proposer), body: policy });
  if (proposed.status !== 202) return { proposed, current: null };
  for (const member of ['gm', 'sales2', 'finance']) {
    await api.request('POST', `/committee/proposals/${proposed.body.proposalId}/votes`, { token: await api.tokenFor(member), body: { vote: 'approve', opinion: null } });
  }
  await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(api.app.get(ComplaintPolicyApprovalProcess).name, await api.store.headPosition());
  return { proposed, current: (await api.request('GET', '/complaint-policies/current', { token: admin })).body };
}
