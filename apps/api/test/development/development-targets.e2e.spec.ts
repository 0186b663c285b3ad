import { caughtUp, fireDueTimers } from '../complaints/complaint-support';
import { REACTOR_RUNNER } from '../../src/process/process.tokens';
import type { ReactorRunner } from '../../src/process/reactor.runner';
import { TargetConversionProcess } from '../../src/development/target-conversion.process';
import { applicationForm, creditCode } from '../support/onboarding.forms';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

/** Monday 5 October 2026, 09:00 Beijing. */
const START = '2026-10-05T01:00:00.000Z';
const DEADLINE = '2026-12-25T10:00:00.000Z';
/** 2027-01-01 00:00 Beijing: 2026-Q4 ends. */
const QUARTER_END = '2026-12-31T16:00:00.000Z';
const N = 91;

const prospect = (prospectId: string, n: number) => ({
  prospectId, companyName: applicationForm(n).companyName, identifiers: { creditCode: creditCode(n) }, region: '华东',
  productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 900, source: 'visit',
});
const target = (targetId: string, prospectId: string, extra: object = {}) => ({ targetId, prospectId, goal: '本季度开户并首单', targetTonnes: 300, ...extra });

/**
 * R-DEV-2 销售部…分解至客户经理组织实施,并根据完成情况进行考核兑现 (ADR 0027): the plan's targets go to
 * customer managers; a prospect converted counts for its manager; at quarter end the sales
 * department assesses each manager (a human task each) on the completion the plan recorded.
 */
describeEachEngine('quarterly targets per customer manager and their assessment (R-DEV-2)', (engine) => {
  jest.setTimeout(90_000);
  let api: TestApi;
  const ok = async (method: string, path: string, user: string, body?: unknown, status = 200) => {
    const res = await api.request(method, path, { token: await api.tokenFor(user), body });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const at = (instant: string) => api.clock.set(new Date(instant));

  beforeAll(async () => {
    api = await startTestApi(START, { engine });
  });
  afterAll(() => api.close());

  it('R-DEV-2: targets are split to the managers who keep their prospects unless the sales department names one; a non-manager is refused', async () => {
    await ok('POST', '/prospects', 'manager', prospect('tp-1', N), 201);
    await ok('POST', '/prospects', 'manager2', prospect('tp-2', N + 1), 201);
    const notManager = await api.request('POST', '/development-plans', {
      token: await api.tokenFor('sales'),
      body: { planId: 'plan-x', quarter: '2026-Q4', deadline: DEADLINE, budgetYuan: 1, targets: [target('t-1', 'tp-1', { customerManagerId: 'gm' })] },
    });
    expect(notManager.status).toBe(422);
    expect(notManager.body).toMatchObject({ rule: 'R-DEV-2', field: 'targets.0.customerManagerId' });

    await ok('POST', '/development-plans', 'sales', { planId: 'plan-t', quarter: '2026-Q4', deadline: DEADLINE, budgetYuan: 40_000, targets: [target('t-1', 'tp-1'), target('t-2', 'tp-2')] }, 201);
    const plan = await ok('GET', '/development-plans/plan-t', 'sales');
    expect(plan.content.targets.map((t: { targetId: string; customerManagerId: string }) => [t.targetId, t.customerManagerId])).toEqual([['t-1', 'manager'], ['t-2', 'manager2']]);
    await ok('POST', '/development-plans/plan-t/submit', 'sales', {});
    await ok('POST', '/development-plans/plan-t/department-head/approve', 'supervisor', {});
    await ok('POST', '/development-plans/plan-t/managers-meeting/approve', 'gm', { minutes: '同意', heldAt: START });
  });

  it('R-DEV-2: a target prospect converted in the quarter counts for its manager on the plan (the conversion process, once)', async () => {
    at('2026-11-10T02:00:00.000Z');
    await ok('POST', '/applications', 'manager', { applicationId: 'tp-app-1', form: applicationForm(N) }, 201);
    const converted = await ok('POST', '/prospects/tp-1/convert', 'manager', { applicationId: 'tp-app-1' });
    await api.app.get<ReactorRunner>(REACTOR_RUNNER).waitForPosition(api.app.get(TargetConversionProcess).name, converted.position, 20_000);
    const conversions = (await api.store.readStream('development-plan-plan-t')).filter((e) => e.type === 'DevelopmentTargetConverted');
    expect(conversions.map((e) => e.data)).toEqual([expect.objectContaining({ targetIds: ['t-1'], prospectId: 'tp-1', applicationId: 'tp-app-1', convertedAt: '2026-11-10T02:00:00.000Z' })]);
  });

  it('R-DEV-2 考核兑现: at quarter end each manager’s completion opens a task for the sales department; the assessor records result, comment and payout', async () => {
    at('2026-12-26T00:00:00.000Z');
    await fireDueTimers(api);
    expect((await ok('GET', '/development-plans/plan-t', 'sales')).state).toBe('concluded');
    at('2026-12-31T15:59:00.000Z');
    await fireDueTimers(api);
    expect((await ok('GET', '/development-plans/plan-t', 'sales')).state).toBe('concluded');

    at('2027-01-04T01:00:00.000Z');
    await fireDueTimers(api);
    const opened = await ok('GET', '/development-plans/plan-t', 'sales');
    expect(opened.state).toBe('assessment');
    expect(opened.assessment).toEqual({
      quarterEnd: QUARTER_END,
      managers: [
        { customerManagerId: 'manager', targetIds: ['t-1'], achieved: [], converted: ['t-1'], completed: ['t-1'] },
        { customerManagerId: 'manager2', targetIds: ['t-2'], achieved: [], converted: [], completed: [] },
      ],
    });
    const head = await caughtUp(api, 'tasks');
    const tasks = (await ok('GET', `/tasks?type=development-plan.assessment&minPosition=${head}`, 'sales')).items;
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ title: '客户开发计划季度考核兑现', link: { api: '/development-plans/plan-t' } });
    expect((await ok('GET', `/tasks?type=development-plan.assessment&minPosition=${head}`, 'manager')).items).toEqual([]);

    const byManager = await api.request('POST', '/development-plans/plan-t/assessments', { token: await api.tokenFor('manager'), body: { customerManagerId: 'manager2', result: 'met', comment: 'x' } });
    expect(byManager.status).toBe(403);
    await ok('POST', '/development-plans/plan-t/assessments', 'sales', { customerManagerId: 'manager', result: 'met', comment: '开发一家并开户，完成季度目标', payoutYuan: 2000 });
    const twice = await api.request('POST', '/development-plans/plan-t/assessments', { token: await api.tokenFor('sales'), body: { customerManagerId: 'manager', result: 'met', comment: '再次' } });
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ rule: 'R-DEV-2', field: 'customerManagerId' });
    const last = await ok('POST', '/development-plans/plan-t/assessments', 'sales', { customerManagerId: 'manager2', result: 'not_met', comment: '未完成：报价未成交' });
    expect(last.state).toBe('assessed');

    const done = await ok('GET', `/development-plans?status=assessed&minPosition=${last.position}`, 'supervisor');
    expect(done.items.map((p: { planId: string }) => p.planId)).toEqual(['plan-t']);
    expect((await ok('GET', '/development-plans/plan-t', 'gm')).assessed).toEqual([
      expect.objectContaining({ customerManagerId: 'manager', result: 'met', payoutYuan: 2000, by: 'sales' }),
      expect.objectContaining({ customerManagerId: 'manager2', result: 'not_met', payoutYuan: null, by: 'sales' }),
    ]);
    const after = await caughtUp(api, 'tasks');
    expect((await ok('GET', `/tasks?type=development-plan.assessment&minPosition=${after}`, 'sales')).items).toEqual([]);
  });
});
