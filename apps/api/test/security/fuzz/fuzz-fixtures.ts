import type { ProjectionRunner, TimerScheduler } from '@crm/engine';
import { timersProjection } from '@crm/engine';
import { DEMO_USERS } from '../../../src/auth/demo-users';
import { REACTOR_RUNNER } from '../../../src/process/process.tokens';
import type { ReactorRunner } from '../../../src/process/reactor.runner';
import { PROJECTION_RUNNER } from '../../../src/read-models/read-model.tokens';
import { TIMER_SCHEDULER } from '../../../src/timers/timers.module';
import { archive, openCustomer } from '../../customers/customer-fixtures';
import { applicationForm } from '../../support/onboarding.forms';
import type { TestApi } from '../../support/test-api';
import { visitForm } from '../../relationship/visit-form';

/**
 * Things that exist, so a fuzzed command can name them: a fuzzed body against a real customer,
 * application or complaint reaches the decider instead of stopping at "not found".
 * Keyed `<first path segment>:<param>`, as `pathValues` looks them up.
 */
export type FixturePool = Record<string, string[]>;

/** The demo users the fuzz signs in as: no fuzzed path may name them (disable, revoke, re-role). */
export const PROTECTED_USERS = new Set(DEMO_USERS.map((u) => u.username));

async function expectOk(what: string, response: Promise<{ status: number; body: any }>) {
  const res = await response;
  if (res.status >= 300) throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createFixtures(api: TestApi): Promise<FixturePool> {
  const [manager, admin, sales] = [await api.tokenFor('manager'), await api.tokenFor('admin'), await api.tokenFor('sales')];
  await openCustomer(api, archive('fz-cust'));
  await openCustomer(api, archive('fz-cust2', { customerManagerId: 'manager2' }));
  await expectOk('pickup', api.request('POST', '/customers/fz-cust/pickups', { token: manager, body: { pickupId: 'fz-p1', date: '2026-03-02', product: 'HDPE 5000S', tonnes: 30, warehouse: '镇海库' } }));
  await expectOk('draft', api.request('POST', '/applications', { token: manager, body: { applicationId: 'fz-app-draft', form: applicationForm(901) } }));
  await expectOk('application', api.request('POST', '/applications', { token: manager, body: { applicationId: 'fz-app-rev', form: applicationForm(902) } }));
  await expectOk('submit', api.request('POST', '/applications/fz-app-rev/submit', { token: manager }));
  const complaint = await expectOk('complaint', api.request('POST', '/complaints', { token: manager, body: { customerId: 'fz-cust', receivedAt: '2026-03-02T00:30:00.000Z', channel: 'phone', content: '聚丙烯批次熔指超标' } }));
  await expectOk('user', api.request('POST', '/users', { token: admin, body: { username: 'fz-victim', name: '模糊测试', roles: ['sales_reviewer'], password: 'fz-victim-password' } }));
  const delegations = await Promise.all(
    ['fz-dlg-1', 'fz-dlg-2'].map((key) =>
      expectOk('delegation', api.request('POST', '/delegations', { token: sales, headers: { 'Idempotency-Key': key }, body: { delegateId: 'sales2', from: '2026-03-02', until: '2026-04-30' } })),
    ),
  );
  await expectOk('visit plan', api.request('POST', '/visit-plans', { token: manager, body: { year: 2026, items: [{ itemId: 'fz-i1', customerId: 'fz-cust', month: 3 }] } }));
  await expectOk('visit plan submit', api.request('POST', '/visit-plans/manager.2026/submit', { token: manager, body: {} }));
  const visit = await expectOk('visit report', api.request('POST', '/visit-reports', {
    token: manager,
    body: { customerId: 'fz-cust', visitedOn: '2026-03-01', basis: { kind: 'unplanned', reason: '顺访' }, form: visitForm('2026-03-01'), ratings: { quality: '良好', service: '一般', awareness: '知名' }, findings: '包装破损' },
  }));
  await expectOk('survey', api.request('POST', '/satisfaction-surveys', { token: sales, body: { year: 2026, title: '年度客户满意度调查' } }));
  await expectOk('prospect', api.request('POST', '/prospects', { token: manager, body: { prospectId: 'fz-prs', companyName: '模糊测试塑业', region: '华东', productsOfInterest: ['聚乙烯'], source: 'visit' } }));
  await expectOk('development plan', api.request('POST', '/development-plans', {
    token: sales,
    body: { planId: 'fz-plan', quarter: '2026-Q2', deadline: '2026-06-30T15:59:59.000Z', budgetYuan: 1000, targets: [{ targetId: 'fz-t1', prospectId: 'fz-prs', goal: '签约' }] },
  }));
  await expectOk('development plan submit', api.request('POST', '/development-plans/fz-plan/submit', { token: sales, body: {} }));
  await expectOk('webhook', api.request('PUT', '/webhooks/fz_hook', { token: admin, body: { url: 'http://127.0.0.1:9/hook', secret: 'fz-secret-0123456789' } }));
  return {
    'applications:id': ['fz-app-draft', 'fz-app-rev'],
    'customers:id': ['fz-cust', 'fz-cust2'],
    'customers:documentId': ['licence'],
    'customers:pickupId': ['fz-p1'],
    'complaints:id': [complaint.id as string],
    'delegations:id': delegations.map((d) => d.id as string),
    'users:username': ['fz-victim'],
    'webhooks:recipient': ['fz_hook'],
    'calendar:year': ['2026', '2027'],
    'allocations:month': ['2026-03'],
    'visit-plans:id': ['manager.2026'],
    'visit-reports:id': [visit.id as string],
    'satisfaction-surveys:year': ['2026', '2027'],
    'prospects:id': ['fz-prs'],
    'development-plans:id': ['fz-plan'],
  };
}

/**
 * After a command that was accepted, lets everything it set off finish (due timers, reactors),
 * so that the next refused request's before/after comparison sees only its own writes.
 * The fuzz stops the background timer loop and fires due timers here instead.
 */
export async function settle(api: TestApi): Promise<void> {
  const projections = api.app.get<ProjectionRunner>(PROJECTION_RUNNER);
  const reactors = api.app.get<ReactorRunner>(REACTOR_RUNNER);
  const reactorNames = [...(reactors as unknown as { reactors: Map<string, unknown> }).reactors.keys()];
  for (let round = 0; round < 10; round++) {
    const head = await api.store.headPosition();
    await projections.waitForPosition(timersProjection.name, head, 10_000);
    await api.app.get<TimerScheduler>(TIMER_SCHEDULER).runDue();
    for (const name of reactorNames) await reactors.waitForPosition(name, head, 10_000);
    if ((await api.store.headPosition()) === head) return;
  }
  throw new Error('the service kept writing after a command for ten rounds');
}

/** Stops the durable-timer loop: `settle` fires due timers itself, at known moments. */
export async function quietTimers(api: TestApi): Promise<void> {
  await api.app.get<TimerScheduler>(TIMER_SCHEDULER).stop();
}
