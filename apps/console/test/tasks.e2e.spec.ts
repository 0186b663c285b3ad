import type { Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp, recordAndClassify } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
/* eslint-enable @nx/enforce-module-boundaries */
import { checkPage } from './support/page-checks';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(90_000);

// Monday 5 October 2026 is a holiday; Friday 9 October 09:00 in Beijing is a working day.
const START = '2026-10-09T01:00:00.000Z';
const DEADLINE = '2026-12-31T15:59:59.000Z';

(browserTestsRun('task list (待办) browser tests') ? describe : describe.skip)('待办: one task list for every workflow, in Chromium against the real API on SQLite (issue 15)', () => {
  let served: ServedConsole;
  let serious: string;
  let extended: string;
  const post = async (user: string, path: string, body: unknown, status = [200, 201]) => {
    const res = await served.api.request('POST', path, { token: await served.api.tokenFor(user), body });
    if (!status.includes(res.status)) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const rows = (page: Page) => page.getByTestId('inbox-table').locator('tbody tr');

  beforeAll(async () => {
    served = await startServedConsole(START);
    const api = served.api;
    await openCustomer(api, archive('cust-t-1', { name: '宁波甬兴塑业有限公司' }));
    await openCustomer(api, archive('cust-t-2', { name: '绍兴越塑包装有限公司' }));
    api.clock.advance(5 * 60_000);
    const sales = await api.tokenFor('sales');
    // R-CMP-2: a serious complaint waits for the general manager's special meeting
    ({ id: serious } = await recordAndClassify(api, sales, api.clock.now().toISOString(), 'serious', 'cust-t-1'));
    // R-CMP-3: a major complaint whose extension waits on the first leader of the chain (the supervisor)
    ({ id: extended } = await recordAndClassify(api, sales, api.clock.now().toISOString(), 'major', 'cust-t-2'));
    await post('sales', `/complaints/${extended}/extensions`, { additionalWorkingDays: 2, reason: '等待第三方检测报告' });
    // R-DEV-2: a plan past the department head, at the managers' meeting
    await post('manager', '/prospects', { prospectId: 'p-t-1', companyName: '杭州临塑新材料有限公司', region: '华东', productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 800, source: 'market_survey' });
    await post('sales', '/development-plans', { planId: 'plan-t-1', quarter: '2026-Q4', deadline: DEADLINE, budgetYuan: 50_000, targets: [{ targetId: 't-1', prospectId: 'p-t-1', goal: '签订年度框架合同', targetTonnes: 500 }], supportRequested: [] });
    await post('sales', '/development-plans/plan-t-1/submit', {});
    await post('supervisor', '/development-plans/plan-t-1/department-head/approve', { comment: '同意' });
    // R-EVAL-3: a proposed disqualification waits for the general manager
    await post('supervisor', '/customers/cust-t-2/disqualification', { reason: 'fraud_or_bad_faith', evidence: ['伪造磅单 2026-10-08'] });
    await caughtUp(api, 'tasks');
  }, 240_000);
  afterAll(() => served?.close());

  it('R-CMP-2/R-DEV-2/R-EVAL-3: the general manager sees a serious complaint\'s meeting, a plan at the managers\' meeting and a disqualification in one list, counted in the navigation', async () => {
    const gm = await served.signedInPage('gm');
    await gm.getByTestId('nav-task-count').getByText('3').waitFor();
    await gm.goto(`${served.api.url}/#/inbox`);
    await gm.getByRole('heading', { level: 1, name: '待办' }).waitFor();
    await rows(gm).first().waitFor();
    const types = await rows(gm).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-task-type')).sort());
    expect(types).toEqual(['complaint.special-meeting', 'customer.disqualification', 'development-plan.managers-meeting']);
    await gm.getByText('严重投诉待总经理召开专题会议').waitFor();
    await gm.getByText('客户开发计划待经理办公会审批').waitFor();
    await gm.getByText('取消客户资格待总经理审批').waitFor();
    // companies by name, not only ids
    expect(await rows(gm).filter({ hasText: '严重投诉' }).textContent()).toContain('宁波甬兴塑业有限公司');
    expect(await rows(gm).filter({ hasText: '取消客户资格' }).textContent()).toContain('绍兴越塑包装有限公司');
    await checkPage(gm, 'tasks-01-general-manager');
    // one type at a time, every count kept
    await gm.locator('[data-task-filter="complaint.special-meeting"]').click();
    await gm.getByTestId('inbox-table').locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await rows(gm).count()).toBe(1);
    // open the task: its workflow's page with the decision form
    await rows(gm).first().getByRole('link').click();
    await gm.waitForURL(`**/#/complaints/${serious}`);
  });

  it('R-EVAL-3: the general manager opens the disqualification from the list and decides it on the customer\'s page; the task leaves the list', async () => {
    const gm = await served.signedInPage('gm');
    await gm.goto(`${served.api.url}/#/inbox`);
    await rows(gm).filter({ hasText: '取消客户资格' }).getByRole('link').click();
    await gm.waitForURL('**/#/customers/cust-t-2');
    const form = gm.getByTestId('pending-disqualification');
    await form.getByText(/伪造磅单/).waitFor();
    await checkPage(gm, 'tasks-03-disqualification-form');
    await form.getByLabel('意见').fill('证据确凿，同意取消');
    await form.getByRole('button', { name: '同意取消资格' }).click();
    // a final decision asks once more, in a dialog naming what cannot be undone
    const confirm = gm.getByTestId('confirm-dialog');
    await confirm.getByText(/不能撤回/).waitFor();
    await confirm.getByRole('button', { name: '同意取消资格' }).click();
    await gm.getByTestId('customer-detail').locator('.alert-error').waitFor(); // 已取消资格 since …
    await caughtUp(served.api, 'tasks');
    await gm.goto(`${served.api.url}/#/inbox`);
    await rows(gm).first().waitFor();
    expect(await rows(gm).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-task-type')).sort())).toEqual(['complaint.special-meeting', 'development-plan.managers-meeting']);
  });

  it('R-CMP-3: the supervisor sees the extension to approve, and not the general manager\'s tasks', async () => {
    const supervisor = await served.signedInPage('supervisor');
    await supervisor.goto(`${served.api.url}/#/inbox`);
    await rows(supervisor).first().waitFor();
    const types = await rows(supervisor).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-task-type')));
    expect(types).toEqual(['complaint.approve-extension']);
    expect(await rows(supervisor).first().textContent()).toContain('投诉延期待主管领导批准');
    expect(await rows(supervisor).first().textContent()).toContain('绍兴越塑包装有限公司');
    await checkPage(supervisor, 'tasks-02-supervisor');
    // issue 16: in English the task reads in English (the workflows declare titles in Chinese only), its time in words
    await supervisor.getByRole('button', { name: '切换语言为英文' }).click();
    await rows(supervisor).first().getByText('Complaint extension: supervisor’s approval').waitFor();
    expect(await rows(supervisor).first().textContent()).not.toMatch(/投诉|工作小时/);
    expect(await rows(supervisor).first().textContent()).toMatch(/\d+ (?:h|min)\b|0 h/);
    await supervisor.getByRole('button', { name: 'Switch language to Chinese' }).click();
    await rows(supervisor).first().getByRole('link').click();
    await supervisor.waitForURL(`**/#/complaints/${extended}`);
  });
});
