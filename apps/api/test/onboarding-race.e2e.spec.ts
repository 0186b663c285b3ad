import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm, FINANCE_CHECKED } from './support/onboarding.forms';
import { barrierOnReads } from './support/read-barrier';
import { startTestApi, type TestApi } from './support/test-api';

describe('two finance reviewers approve the same application at once (real SQLite, HTTP)', () => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi('2026-03-02T02:00:00.000Z');
    as = await onboardingCallers(api);
  }, 30_000);
  afterAll(() => api.close());

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
    expect(results.find((r) => r.status === 409)?.body.rule).toBe('CONCURRENCY');
    const winner = results.find((r) => r.status === 200)?.body;
    expect(winner.state).toBe('review.generalManager');

    const events = await api.store.readStream('onboarding-race-1');
    const approvals = events.filter((e) => e.type === 'FinanceReviewApproved');
    expect(approvals).toHaveLength(1);
    expect(events.length - before).toBe(winner.events.length);
  });
});
