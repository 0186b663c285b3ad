import { type Caller, onboardingCallers } from './support/onboarding.actors';
import { applicationForm } from './support/onboarding.forms';
import { startTestApi, type TestApi } from './support/test-api';

/** Friday 6 March 2026, 09:00 in Shanghai (business hours 08:30–17:30: a working day is 9 h). */
const FRIDAY_0900 = '2026-03-06T01:00:00.000Z';
const HOUR = 3_600_000;

describe('the approver’s inbox over HTTP (real SQLite, official calendar, manual clock)', () => {
  let api: TestApi;
  let as: Caller;
  const ids = (body: any) => body.items.map((i: any) => i.applicationId);

  beforeAll(async () => {
    api = await startTestApi(FRIDAY_0900);
    as = await onboardingCallers(api);
    const file = async (user: string, id: string, n: number) => {
      expect((await as(user, 'POST', '/applications', { applicationId: id, form: applicationForm(n, user) })).status).toBe(201);
      expect((await as(user, 'POST', `/applications/${id}/submit`)).status).toBe(200);
    };
    await file('manager', 'in-a', 11); // Friday 09:00
    api.clock.advance(HOUR);
    await file('manager2', 'in-b', 12); // Friday 10:00
    api.clock.advance(HOUR);
    await file('manager', 'in-c', 13); // Friday 11:00, approved at sales right away
    expect((await as('sales', 'POST', '/applications/in-c/steps/sales/approve', {})).status).toBe(200);
    api.clock.set('2026-03-09T01:00:00.000Z'); // Monday 09:00, across the weekend
  }, 30_000);
  afterAll(() => api.close());

  it('lists what each reviewer may decide, oldest first, with the working days waited across the weekend', async () => {
    const sales = await as('sales', 'GET', '/inbox');
    expect(sales.status).toBe(200);
    expect(ids(sales.body)).toEqual(['in-a', 'in-b']);
    expect(sales.body.items.map((i: any) => [i.step, i.role, i.waitingWorkingDays])).toEqual([
      ['sales', 'sales_reviewer', 1], // Fri 09:00–17:30 + Mon 08:30–09:00 = 9 h
      ['sales', 'sales_reviewer', 0.89], // 8 h of 9
    ]);
    expect(sales.body.items[0]).toMatchObject({ companyName: '宁波测试11号化工有限公司', customerManagerId: 'manager', since: '2026-03-06T01:00:00.000Z', onBehalfOf: null });
    expect(ids((await as('finance', 'GET', '/inbox')).body)).toEqual(['in-c']);
    expect(ids((await as('gm', 'GET', '/inbox')).body)).toEqual([]);
    api.clock.advance(4.5 * HOUR); // Monday 13:30
    expect((await as('sales2', 'GET', '/inbox')).body.items.map((i: any) => i.waitingWorkingDays)).toEqual([1.5, 1.39]);
  });

  it('filters by step and customer manager, and pages', async () => {
    expect(ids((await as('allround', 'GET', '/inbox')).body)).toEqual(['in-a', 'in-b', 'in-c']);
    expect(ids((await as('allround', 'GET', '/inbox?step=finance')).body)).toEqual(['in-c']);
    expect(ids((await as('allround', 'GET', '/inbox?customerManagerId=manager2')).body)).toEqual(['in-b']);
    const page = (await as('allround', 'GET', '/inbox?limit=1&offset=1')).body;
    expect({ total: page.total, ids: ids(page) }).toEqual({ total: 3, ids: ['in-b'] });
    expect((await as('sales', 'GET', '/inbox?limit=0')).status).toBe(400);
  });

  it('is for reviewers only', async () => {
    for (const user of ['manager', 'auditor', 'admin', 'supervisor']) expect((await as(user, 'GET', '/inbox')).status).toBe(403);
  });

  it('ONB-ASSIGNEE/ONB-DELEGATION: a reassigned step goes to its assignee, and to their delegate on their behalf; history keeps both names', async () => {
    const notReviewer = await as('admin', 'POST', '/applications/in-a/steps/sales/reassign', { to: 'finance' });
    expect(notReviewer.status).toBe(422);
    expect((await as('sales', 'POST', '/applications/in-a/steps/sales/reassign', { to: 'sales' })).status).toBe(403);
    const reassigned = await as('admin', 'POST', '/applications/in-a/steps/sales/reassign', { to: 'sales', reason: '李销售负责华东' });
    expect(reassigned.status).toBe(200);
    expect(ids((await as('sales2', 'GET', `/inbox?minPosition=${reassigned.body.position}`)).body)).toEqual(['in-b']);
    expect(ids((await as('sales', 'GET', '/inbox')).body)).toEqual(['in-a', 'in-b']);
    const notSameRole = await as('sales', 'POST', '/delegations', { delegateId: 'finance', from: '2026-03-09', until: '2026-03-13' });
    expect(notSameRole.status).toBe(422);
    expect(notSameRole.body.rule).toBe('ONB-DELEGATION');
    const delegated = await as('sales', 'POST', '/delegations', { delegateId: 'sales2', from: '2026-03-09', until: '2026-03-13' });
    expect(delegated.status).toBe(201);
    const inbox = (await as('sales2', 'GET', `/inbox?minPosition=${delegated.body.position}`)).body;
    expect(inbox.items.map((i: any) => [i.applicationId, i.onBehalfOf, i.assignee])).toEqual([['in-a', 'sales', 'sales'], ['in-b', null, null]]);
    const own = await as('sales2', 'POST', '/applications/in-a/steps/sales/approve', {});
    expect(own.status).toBe(403);
    expect(own.body.rule).toBe('ONB-ASSIGNEE');
    const forSales = await as('sales2', 'POST', '/applications/in-a/steps/sales/approve', { onBehalfOf: 'sales', comment: '代李销售审批' });
    expect(forSales.status).toBe(200);
    const detail = (await as('auditor', 'GET', `/applications/in-a?minPosition=${forSales.body.position}`)).body;
    const approval = detail.history.find((h: any) => h.type === 'SalesReviewApproved');
    expect(approval).toMatchObject({ by: 'sales2', onBehalfOf: 'sales', delegationId: delegated.body.id, role: 'sales_reviewer', comment: '代李销售审批' });
    expect(detail.history.find((h: any) => h.type === 'StepReassigned')).toMatchObject({ by: 'admin', comment: '李销售负责华东', details: { from: null, to: 'sales' } });
    const listed = (await as('sales2', 'GET', '/delegations')).body.items;
    expect(listed).toEqual([expect.objectContaining({ delegationId: delegated.body.id, delegatorId: 'sales', delegateId: 'sales2', role: 'sales_reviewer' })]);
    expect((await as('finance', 'GET', '/delegations')).body.items).toEqual([]);
  });

  it('ONB-DELEGATION: acting on behalf of someone without a delegation in force is refused', async () => {
    api.clock.set('2026-03-16T02:00:00.000Z'); // the next Monday: the delegation ended on Friday
    const res = await as('sales2', 'POST', '/applications/in-b/steps/sales/approve', { onBehalfOf: 'sales' });
    expect(res.status).toBe(403);
    expect(res.body.rule).toBe('ONB-DELEGATION');
  });
});
