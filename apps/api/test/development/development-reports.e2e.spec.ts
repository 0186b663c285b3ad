import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

/** Monday 5 October 2026, 09:00 Beijing. */
const START = '2026-10-05T01:00:00.000Z';
const DEADLINE = '2026-12-31T15:59:59.000Z';
const ZH = { 'accept-language': 'zh-CN' };

const prospect = (prospectId: string, companyName: string) => ({
  prospectId, companyName, region: '华东', productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 800, source: 'market_survey',
});
const planBody = (planId: string, prospectIds: string[]) => ({
  planId, quarter: '2026-Q4', deadline: DEADLINE, budgetYuan: 60_000,
  targets: prospectIds.map((prospectId, i) => ({ targetId: `t-${i + 1}`, prospectId, goal: '签订年度框架合同', targetTonnes: 500 })),
});

/**
 * R-DEV-3 客户经理…提交月度完成情况上报部门经理、总经理 (ADR 0027): the month's completion report is
 * submitted once per plan and month and reaches the department manager and the general manager
 * through the one notification outbox, once each however many entries the month had.
 */
describeEachEngine('the monthly completion report (R-DEV-3)', (engine) => {
  jest.setTimeout(60_000);
  let api: TestApi;
  const token = (user: string) => api.tokenFor(user);
  const ok = async (method: string, path: string, user: string, body?: unknown, status = 200) => {
    const res = await api.request(method, path, { token: await token(user), body });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const inbox = async (user: string, minPosition: number) =>
    ((await ok('GET', `/me/notifications?limit=100&minPosition=${minPosition}`, user)).items as Array<{ type: string; title: string; detail: string | null; link: string }>)
      .filter((n) => n.type.startsWith('Development'));

  beforeAll(async () => {
    api = await startTestApi(START, { engine });
    await ok('POST', '/prospects', 'manager', prospect('rp-1', '宁波甬兴塑业有限公司'), 201);
    await ok('POST', '/prospects', 'manager', prospect('rp-2', '绍兴越塑包装有限公司'), 201);
    await ok('POST', '/development-plans', 'sales', planBody('plan-r', ['rp-1', 'rp-2']), 201);
    await ok('POST', '/development-plans/plan-r/submit', 'sales', {});
    await ok('POST', '/development-plans/plan-r/department-head/approve', 'supervisor', {});
    await ok('POST', '/development-plans/plan-r/managers-meeting/approve', 'gm', { minutes: '同意', heldAt: START });
  });
  afterAll(() => api.close());

  it('R-DEV-3: the report reaches the department manager and the GM once each; monthly entries alone tell no one', async () => {
    api.clock.set(new Date('2026-10-30T08:00:00.000Z'));
    await ok('POST', '/development-plans/plan-r/progress', 'manager', { entryId: 'm10-t1', targetId: 't-1', period: { kind: 'monthly', month: '2026-10' }, summary: '已签框架合同', achieved: true });
    const second = await ok('POST', '/development-plans/plan-r/progress', 'manager', { entryId: 'm10-t2', targetId: 't-2', period: { kind: 'monthly', month: '2026-10' }, summary: '报价中' });
    expect(await inbox('supervisor', second.position)).toEqual([]);

    const report = await ok('POST', '/development-plans/plan-r/monthly-report', 'manager', { month: '2026-10', summary: '十月：签约一家，一家报价中' });
    for (const user of ['supervisor', 'gm']) {
      expect(await inbox(user, report.position)).toEqual([
        expect.objectContaining({ type: 'DevelopmentMonthlyReportSubmitted', title: '客户开发月度完成情况（2026-10）', detail: '已完成目标 1/2: 十月：签约一家，一家报价中', link: '/development/plan-r' }),
      ]);
    }
    // the one who submitted it is not told of their own act
    expect(await inbox('manager', report.position)).toEqual([]);

    const month = await ok('GET', `/development-plans/plan-r/monthly?month=2026-10&minPosition=${report.position}`, 'supervisor');
    expect(month.submitted).toMatchObject({ entryIds: ['m10-t1', 'm10-t2'], achieved: ['t-1'], notAchieved: ['t-2'], notified: ['supervisor', 'general_manager'], submittedBy: 'manager' });
  });

  it('R-DEV-3: a second report for the month is refused 422 naming month, in Chinese and English; nobody is told twice', async () => {
    const again = await api.request('POST', '/development-plans/plan-r/monthly-report', { token: await token('sales'), body: { month: '2026-10', summary: '重复' } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ rule: 'R-DEV-3', field: 'month', message: expect.stringContaining('already submitted') });
    const zh = await api.request('POST', '/development-plans/plan-r/monthly-report', { token: await token('sales'), body: { month: '2026-10', summary: '重复' }, headers: ZH });
    expect(zh.body.message).toMatch(/^不符合“周总结、月汇报”规定.*R-DEV-3/);
    const ahead = await api.request('POST', '/development-plans/plan-r/monthly-report', { token: await token('sales'), body: { month: '2026-11', summary: '提前' } });
    expect(ahead.body).toMatchObject({ rule: 'R-DEV-3', field: 'month' });

    // refusals write nothing: still one notification each (replaying the outbox is idempotent: notification-outbox.projection.spec)
    expect(await inbox('gm', await api.store.headPosition())).toHaveLength(1);
  });
});
