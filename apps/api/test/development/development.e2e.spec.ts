import { caughtUp, fireDueTimers } from '../complaints/complaint-support';
import { applicationForm } from '../support/onboarding.forms';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

/** Monday 5 October 2026, 09:00 Beijing. */
const START = '2026-10-05T01:00:00.000Z';
const DEADLINE = '2026-12-31T15:59:59.000Z';

const prospect = (prospectId: string, region: string, companyName: string) => ({
  prospectId, companyName, region, productsOfInterest: ['聚乙烯', '聚丙烯'], estimatedTonnesPerYear: 800, source: 'market_survey',
});
const planBody = (planId: string, prospectIds: string[]) => ({
  planId, quarter: '2026-Q4', deadline: DEADLINE, budgetYuan: 80_000,
  targets: prospectIds.map((prospectId, i) => ({ targetId: `t-${i + 1}`, prospectId, goal: '签订年度框架合同', targetTonnes: 500 })),
  supportRequested: [{ department: '财务资产部', request: '授信额度评估' }],
});

describeEachEngine('customer development over HTTP (R-DEV-1..3)', (engine) => {
  jest.setTimeout(60_000);
  let api: TestApi;
  let manager: string, manager2: string, sales: string, head: string, gm: string, admin: string;

  const signIn = async () => {
    [manager, manager2, sales, head, gm, admin] = await Promise.all(['manager', 'manager2', 'sales', 'supervisor', 'gm', 'admin'].map((u) => api.tokenFor(u)));
  };
  /** moves the service clock; tokens live an hour, so everyone signs in again */
  const moveTo = async (instant: string | Date) => {
    api.clock.set(new Date(instant));
    await signIn();
  };

  beforeAll(async () => {
    api = await startTestApi(START, { engine });
    await signIn();
  });
  afterAll(() => api.close());

  const ok = async (method: string, path: string, token: string, body?: unknown, status = 200) => {
    const res = await api.request(method, path, { token, body });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('R-DEV-1: managers register and update prospects; each sees the archives they keep, with before/after', async () => {
    await ok('POST', '/prospects', manager, prospect('p-1', '华东', '宁波甬兴塑业有限公司'), 201);
    await ok('POST', '/prospects', manager, prospect('p-2', '华东', '绍兴越塑包装有限公司'), 201);
    const other = await ok('POST', '/prospects', manager2, prospect('p-9', '华南', '佛山南塑有限公司'), 201);
    const updated = await ok('POST', '/prospects/p-1/update', manager, { changes: { estimatedTonnesPerYear: 1500, region: '华东' }, reason: '走访后更新' });

    const mine = await ok('GET', `/prospects?minPosition=${Math.max(updated.position, other.position)}`, manager);
    expect(mine.items.map((p: { prospectId: string }) => p.prospectId).sort()).toEqual(['p-1', 'p-2']);
    expect(mine.items.find((p: { prospectId: string }) => p.prospectId === 'p-1')).toMatchObject({ estimatedTonnesPerYear: 1500, status: 'active', customerManagerId: 'manager' });
    const all = await ok('GET', '/prospects', sales);
    expect(all.items).toHaveLength(3);

    const detail = await ok('GET', '/prospects/p-1', manager);
    expect(detail.history).toEqual([expect.objectContaining({ type: 'ProspectUpdated', changes: { estimatedTonnesPerYear: { before: 800, after: 1500 } }, reason: '走访后更新' })]);
    const foreign = await api.request('GET', '/prospects/p-1', { token: manager2 });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('R-DEV-1');
    const foreignEdit = await api.request('POST', '/prospects/p-1/update', { token: manager2, body: { changes: { region: '华南' }, reason: 'x' } });
    expect(foreignEdit.status).toBe(403);
  });

  it('R-DEV-1/R-DEV-3: bad input is refused with 400 naming the field and the rule', async () => {
    const badCode = await api.request('POST', '/prospects', { token: manager, body: { ...prospect('p-bad', '华东', '坏码公司'), identifiers: { creditCode: '91350100M000100Y44' } } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.field).toBe('identifiers.creditCode');
    expect(badCode.body.message).toContain('R-DEV-1');
    const badQuarter = await api.request('POST', '/development-plans', { token: sales, body: { ...planBody('plan-x', ['p-1']), quarter: '2026-Q5' } });
    expect(badQuarter.status).toBe(400);
    expect(badQuarter.body.field).toBe('quarter');
    const missingDate = await api.request('GET', '/development-plans/missing-weekly?asOf=yesterday', { token: sales });
    expect(missingDate.status).toBe(400);
    expect(missingDate.body.field).toBe('asOf');
  });

  it('R-DEV-2: a plan picks registered prospects only (422 naming the target)', async () => {
    const res = await api.request('POST', '/development-plans', { token: sales, body: planBody('plan-x', ['p-1', 'p-nowhere']) });
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('targets.1.prospectId');
    expect(res.body.message).toContain('R-DEV-2');
  });

  it('DEV-SELF: a drafter who also holds the department head role is refused 403 when approving their own plan', async () => {
    await ok('POST', '/users', admin, { username: 'dev-both', name: '兼任主管', roles: ['sales_reviewer', 'supervisor'], password: 'dev-both-password' }, 201);
    const both = (await ok('POST', '/auth/token', '', { username: 'dev-both', password: 'dev-both-password' })).accessToken as string;
    await ok('POST', '/development-plans', both, planBody('plan-self', ['p-2']), 201);
    await ok('POST', '/development-plans/plan-self/submit', both, {});
    const self = await api.request('POST', '/development-plans/plan-self/department-head/approve', { token: both, body: {} });
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('DEV-SELF');
    expect((await ok('GET', '/development-plans/plan-self', sales)).state).toBe('review.departmentHead');
  });

  it('R-DEV-2/R-DEV-3: plan → department head (racing approvals: one 200, one 409) → managers meeting → progress → reports → deadline', async () => {
    await ok('POST', '/development-plans', sales, planBody('plan-q4', ['p-1', 'p-2']), 201);
    await ok('POST', '/development-plans/plan-q4/submit', sales, {});
    const early = await api.request('POST', '/development-plans/plan-q4/managers-meeting/approve', { token: gm, body: { minutes: '同意', heldAt: START } });
    expect(early.status).toBe(409);

    const race = await Promise.all([1, 2].map(() => api.request('POST', '/development-plans/plan-q4/department-head/approve', { token: head, body: { comment: '同意' } })));
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const headApprovals = (await api.store.readStream('development-plan-plan-q4')).filter((e) => e.type === 'DevelopmentPlanApprovedByDepartmentHead');
    expect(headApprovals).toHaveLength(1);
    await moveTo('2026-10-06T02:00:00.000Z');
    const approved = await ok('POST', '/development-plans/plan-q4/managers-meeting/approve', gm, { minutes: '经理办公会审议通过', heldAt: '2026-10-06T01:00:00.000Z' });
    expect(approved.state).toBe('approved');
    const plan = await ok('GET', '/development-plans/plan-q4', sales);
    expect(plan.content.targets).toHaveLength(2);
    expect(plan.departmentHeadApproval).toMatchObject({ by: 'supervisor' });

    const badWeek = await api.request('POST', '/development-plans/plan-q4/progress', { token: sales, body: { targetId: 't-1', period: { kind: 'weekly', weekStarting: '2026-10-06' }, summary: 'x' } });
    expect(badWeek.status).toBe(400);
    expect(badWeek.body.field).toBe('period.weekStarting');
    expect(badWeek.body.message).toContain('R-DEV-3');

    await moveTo('2026-10-09T08:00:00.000Z');
    await ok('POST', '/development-plans/plan-q4/progress', sales, { entryId: 'w41-t1', targetId: 't-1', period: { kind: 'weekly', weekStarting: '2026-10-05' }, summary: '拜访采购部，报价已送达' });
    await moveTo('2026-10-30T08:00:00.000Z');
    const monthly = await ok('POST', '/development-plans/plan-q4/progress', sales, { entryId: 'm10-t1', targetId: 't-1', period: { kind: 'monthly', month: '2026-10' }, summary: '已签框架合同', achieved: true });

    const week = await ok('GET', `/development-plans/plan-q4/weekly?weekStarting=2026-10-05&minPosition=${monthly.position}`, sales);
    expect(week.entries.map((e: { entryId: string }) => e.entryId)).toEqual(['w41-t1']);
    expect(week.targetsWithoutEntry).toEqual(['t-2']);
    const month = await ok('GET', '/development-plans/plan-q4/monthly?month=2026-10', head);
    expect(month.reports.map((e: { entryId: string }) => e.entryId)).toEqual(['m10-t1']);
    expect(month.weeklySummaries).toHaveLength(1);
    expect(month.targetsAchieved).toEqual(['t-1']);
    const missing = await ok('GET', '/development-plans/missing-weekly?asOf=2026-10-27', head);
    expect(missing.items).toEqual([expect.objectContaining({ planId: 'plan-q4', missingWeeks: ['2026-10-12', '2026-10-19'] })]);

    // R-DEV-1: converted once an onboarding application is opened for it
    const unknown = await api.request('POST', '/prospects/p-1/convert', { token: manager, body: { applicationId: 'app-none' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.field).toBe('applicationId');
    await ok('POST', '/applications', manager, { applicationId: 'app-p1', form: applicationForm(411) }, 201);
    const converted = await ok('POST', '/prospects/p-1/convert', manager, { applicationId: 'app-p1' });
    expect(converted.state).toBe('converted');
    const list = await ok('GET', `/prospects?status=converted&minPosition=${converted.position}`, manager);
    expect(list.items).toEqual([expect.objectContaining({ prospectId: 'p-1', applicationId: 'app-p1' })]);

    // R-DEV-2: the deadline timer marks what was not achieved
    await moveTo(new Date(Date.parse(DEADLINE) - 60_000));
    expect(await fireDueTimers(api)).toHaveLength(0);
    await moveTo(new Date(Date.parse(DEADLINE) + 60_000));
    await fireDueTimers(api);
    await caughtUp(api, 'dev_plans');
    // the deadline is the quarter's last second, so the quarter end (ADR 0027) falls due in the same pass: the assessment opens
    const concluded = await ok('GET', '/development-plans?status=assessment', head);
    expect(concluded.items).toEqual([expect.objectContaining({ planId: 'plan-q4', achieved: ['t-1'], notAchieved: ['t-2'] })]);
    const late = await api.request('POST', '/development-plans/plan-q4/progress', { token: sales, body: { targetId: 't-2', period: { kind: 'monthly', month: '2026-12' }, summary: '迟到' } });
    expect(late.status).toBe(409);
  });
});
