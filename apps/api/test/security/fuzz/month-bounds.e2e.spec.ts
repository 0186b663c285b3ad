import { archive, openCustomer } from '../../customers/customer-fixtures';
import { startTestApi, type TestApi } from '../../support/test-api';

// a real service starts in its beforeAll: Jest's 5 s default is too short on a busy two-core machine
jest.setTimeout(90_000);

/**
 * Found by the command fuzz: a month with a year the month arithmetic cannot carry (0080-03,
 * 9999-12) crashed the grading decider with a RangeError (500). Months are bounded at the edge now.
 */
describe('months outside 2000-01..2099-12 are refused, not crashed on (issue 10 fuzz finding)', () => {
  let api: TestApi;
  let sales: string;
  beforeAll(async () => {
    api = await startTestApi();
    await openCustomer(api, archive('mb-1'));
    sales = await api.tokenFor('sales');
  });
  afterAll(() => api.close());

  it.each(['0080-03', '0000-01', '1999-12', '9999-12'])('%s: evaluation and grade-change report answer 400 naming the month; the sales plan a 4xx', async (month) => {
    const evaluation = await api.request('POST', '/customers/mb-1/evaluations', { token: sales, body: { month } });
    const report = await api.request('GET', `/reports/grade-changes?month=${month}`, { token: sales });
    const plan = await api.request('GET', `/customers/mb-1/sales-plans/${month}`, { token: sales });
    for (const res of [evaluation, report]) expect({ status: res.status, rule: res.body?.rule, field: res.body?.field }).toEqual({ status: 400, rule: 'SCHEMA', field: 'month' });
    expect(plan.status).toBeGreaterThanOrEqual(400);
    expect(plan.status).toBeLessThan(500);
  });

  it('a month inside the bounds still reaches the decider (R-TIER-2 refuses a month before the archive)', async () => {
    const res = await api.request('POST', '/customers/mb-1/evaluations', { token: sales, body: { month: '2026-02' } });
    expect({ status: res.status, rule: res.body.rule }).toEqual({ status: 422, rule: 'R-TIER-2' });
  });
});
