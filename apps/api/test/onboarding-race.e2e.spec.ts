import { CustomerArchiveProcess } from '../src/onboarding/customer-archive.process';
import { REACTOR_RUNNER } from '../src/process/process.tokens';
import type { ReactorRunner } from '../src/process/reactor.runner';
import { describeEachEngine } from './support/each-engine';
import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm, FINANCE_CHECKED } from './support/onboarding.forms';
import { barrierOnReads } from './support/read-barrier';
import { startTestApi, type TestApi } from './support/test-api';

describeEachEngine('an application through three approvals to a customer, two finance reviewers at once, over HTTP', (engine) => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', engine });
    as = await onboardingCallers(api);
  }, 30_000);
  afterAll(() => api?.close());

  it('R-ONB-3: exactly one approval is recorded; the other reviewer gets 409 and nothing is written for them', async () => {
    expect((await as('manager', 'POST', '/applications', { applicationId: 'race-1', form: applicationForm(21) })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/race-1/submit')).status).toBe(200);
    expect((await as('sales', 'POST', '/applications/race-1/steps/sales/approve', {})).status).toBe(200);
    const before = (await api.store.readStream('onboarding-race-1')).length;

    const release = barrierOnReads(api.store, 'onboarding-race-1', 2);
    let results: Array<{ status: number; body: any }>;
    try {
      results = await Promise.all(
        ['finance', 'finance2'].map((user) => as(user, 'POST', '/applications/race-1/steps/finance/approve', { checked: FINANCE_CHECKED })),
      );
    } finally {
      release();
    }
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body;
    // issue 15: the loser of the race learns who completed the step, how and when (not a bare CONCURRENCY)
    const winnerId = ['finance', 'finance2'][results.findIndex((r) => r.status === 200)];
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ rule: 'TASK-DONE', step: 'finance', completedBy: winnerId, command: 'ApproveStep', events: ['FinanceReviewApproved'] });
    expect(winner.state).toBe('review.generalManager');

    const events = await api.store.readStream('onboarding-race-1');
    const approvals = events.filter((e) => e.type === 'FinanceReviewApproved');
    expect(approvals).toHaveLength(1);
    expect(events.length - before).toBe(winner.events.length);
  });

  it('R-ONB-4: the general manager’s approval opens one customer archive, listed by the customers read model', async () => {
    const approved = await as('gm', 'POST', '/applications/race-1/steps/generalManager/approve', { comment: '同意开户' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', done: true });
    const process = api.app.get(CustomerArchiveProcess);
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(process.name, approved.body.position);
    const archive = await api.store.readStream('customer-cust-race-1');
    expect(archive.filter((e) => e.type === 'CustomerArchiveOpened')).toHaveLength(1);
    const customer = await as('auditor', 'GET', `/customers/cust-race-1?minPosition=${archive[0].position}`);
    expect(customer.status).toBe(200);
    expect(customer.body).toMatchObject({ customerId: 'cust-race-1', status: 'active', customerManagerId: 'manager' });
    const applications = await as('auditor', 'GET', `/applications/race-1?minPosition=${approved.body.position}`);
    expect(applications.body.history.filter((h: any) => h.type === 'FinanceReviewApproved')).toHaveLength(1);
  });
});
