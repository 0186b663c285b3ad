import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
/* eslint-enable @nx/enforce-module-boundaries */
import { ARTIFACTS } from './support/build-console';
import { checkPage } from './support/page-checks';
import { expectShownIn } from './support/shown-messages';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(120_000);

const admission = {
  checkedBy: 'sales',
  attestations: (['sound_operation', 'honest', 'well_funded', 'good_reputation', 'sells_only_group_products'] as const).map((criterion) => ({ criterion, evidence: '走访核实' })),
};

/**
 * Issue 16: a customer manager's and the sales department's record-keeping in the browser, which
 * was API-only: pickups recorded and imported from a file (template downloaded), an exclusive
 * agent's sales plan and licence, an archive change. Everything asserted is what the screen shows
 * from the API's read models afterwards; refusals come back in Chinese.
 */
(browserTestsRun('customer manager records browser tests') ? describe : describe.skip)('the customer manager’s records on the archive (issue 16: pickups, R-TIER-7 plans and licences, R-ARC-1 changes)', () => {
  let served: ServedConsole;

  beforeAll(async () => {
    served = await startServedConsole('2026-03-02T02:00:00.000Z');
    const api = served.api;
    await openCustomer(api, archive('cust-rec-1', { name: '宁波甬兴塑业有限公司' }));
    await openCustomer(api, archive('cust-rec-other', { name: '绍兴越州化纤有限公司', customerManagerId: 'manager2' }));
    await openCustomer(api, archive('cust-rec-dq', { name: '余姚四明塑料有限公司' }));
    await openCustomer(api, archive('agent-rec-1', { name: '杭州钱江化工贸易有限公司', productLine: 'other_chemicals', class: { salesObject: 'exclusive_agent', salesForm: null }, admission } as never));
    await caughtUp(api, 'customers', 'customer_documents', 'customer_pickups');
    api.clock.set('2026-03-10T02:00:00.000Z'); // a week after the archives opened: March's pickups so far are after the opening (R-ONB-4)
  });
  afterAll(() => served?.close());
  // issue 16: whatever a test's tabs showed — checks, refusals, notices — was Chinese
  afterEach(() => served.closeTabs((tab) => expectShownIn(tab, 'zh')));

  async function openArchive(page: Page, id: string) {
    await page.goto(served.url(`/customers/${id}`));
    await page.getByTestId('customer-detail').waitFor();
  }

  it('R-TIER-2: records a pickup checked by the domain’s schema in Chinese (typed values kept), then shows it from the read model', async () => {
    const page = await served.tab('manager');
    await openArchive(page, 'cust-rec-1');
    // the manager by name, not by user id
    expect(await page.getByTestId('customer-detail').locator('dl').textContent()).toContain('王经理');
    const form = page.getByRole('form', { name: '登记提货' });
    await form.getByLabel('提货单号').fill('TH-0001');
    await form.getByLabel('提货日期').fill('2026-03-05');
    await form.getByLabel('产品').fill('HDPE 5000S');
    await form.getByLabel('吨数').fill('6000');
    await form.getByRole('button', { name: '登记提货' }).click();
    // RecordPickup's Tonnes (≤ 5000) and freeText (warehouse required), worded in Chinese
    await form.getByText('不能超过 5000').waitFor();
    await form.getByText('必填').waitFor();
    expect(await form.getByLabel('吨数').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('提货单号').inputValue()).toBe('TH-0001');

    await form.getByLabel('吨数').fill('32.5');
    await form.getByLabel('仓库').fill('镇海库');
    await form.getByRole('button', { name: '登记提货' }).click();
    await form.getByText('已登记提货单 TH-0001。').waitFor();
    const row = page.getByTestId('pickups-table').locator('tr[data-pickup="TH-0001"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('32.5');
    expect(await row.textContent()).toContain('镇海库');
    await checkPage(page, 'customer-records-01-pickup');
  });

  it('imports pickups from a CSV chosen in the browser, after a confirmation, from the downloaded template (BOM, Chinese header); a refused file lists its rows in Chinese', async () => {
    const page = await served.tab('manager');
    await openArchive(page, 'cust-rec-1');
    const form = page.getByRole('form', { name: '批量导入提货（CSV 或 Excel）' });
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '下载 CSV 模板' }).click()]);
    expect(download.suggestedFilename()).toBe('提货导入模板.csv');
    const template = readFileSync(await download.path(), 'utf8');
    expect(template).toBe('\uFEFF客户编号,提货单号,提货日期,产品,吨数,仓库\r\n');

    const good = join(ARTIFACTS, 'pickups-march.csv');
    writeFileSync(good, `${template}cust-rec-1,TH-0002,2026-03-06,PP T30S,"1,200.5",镇海库\r\ncust-rec-1,TH-0003,2026/3/7,PP T30S,20,镇海库\r\n`);
    await form.getByLabel('导入文件').setInputFiles(good);
    await form.getByRole('button', { name: '导入', exact: true }).click();
    const confirm = form.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('pickups-march.csv');
    await confirm.getByRole('button', { name: '确认导入' }).click();
    await form.getByText('导入完成：共 2 行，新登记 2 行，0 行此前已登记（未重复记账），涉及 1 个客户。').waitFor();
    const table = page.getByTestId('pickups-table');
    await table.locator('tr[data-pickup="TH-0003"]').waitFor();
    expect(await table.locator('tr[data-pickup="TH-0002"]').textContent()).toContain('1,200.5');

    // R-KAM-2: a row for another manager's customer, and a date that is none: nothing imported, each row's reason in Chinese
    const bad = join(ARTIFACTS, 'pickups-refused.csv');
    writeFileSync(bad, `${template}cust-rec-other,TH-0100,2026-03-06,PP,5,镇海库\r\ncust-rec-1,TH-0101,2026-02-30,PP,5,镇海库\r\n`);
    await form.getByLabel('导入文件').setInputFiles(bad);
    await form.getByRole('button', { name: '导入', exact: true }).click();
    await form.getByTestId('confirm-step').getByRole('button', { name: '确认导入' }).click();
    const refused = form.getByTestId('import-refused-rows');
    await refused.waitFor();
    expect(await form.getByRole('alert').first().textContent()).toContain('文件有错误，未导入任何数据');
    expect(await refused.locator('tr[data-line="3"]').textContent()).toContain('「2026-02-30」不是日期');
    await checkPage(page, 'customer-records-02-import-refused');
    // parse errors stop the file first; the other manager's customer is refused once the dates are right
    writeFileSync(bad, `${template}cust-rec-other,TH-0100,2026-03-06,PP,5,镇海库\r\n`);
    await form.getByLabel('导入文件').setInputFiles(bad);
    await form.getByRole('button', { name: '导入', exact: true }).click();
    await form.getByTestId('confirm-step').getByRole('button', { name: '确认导入' }).click();
    await refused.locator('tr[data-line="2"]', { hasText: '该客户由其他客户经理负责（客户经理制 R-KAM-2）' }).waitFor();
    expect(await table.locator('tr[data-pickup="TH-0100"]').count()).toBe(0);
  });

  it('R-TIER-7: the manager files next month’s sales plan (this month is refused in Chinese, typed lines kept); the sales department issues the licence', async () => {
    const page = await served.tab('manager');
    await openArchive(page, 'agent-rec-1');
    const card = page.getByTestId('customer-agency');
    expect(await card.getByRole('form', { name: '签发独家代理许可证' }).count()).toBe(0); // the sales department's, not the manager's
    const form = card.getByRole('form', { name: '报送销售计划' });
    await form.getByLabel('计划月份').fill('2026-03');
    await form.getByLabel('客户（最终用户）').fill('宁波某化纤厂');
    await form.getByLabel('数量（吨）').fill('300');
    await form.getByLabel('提货时间自').fill('2026-03-20');
    await form.getByLabel('至', { exact: true }).fill('2026-03-31');
    await form.getByRole('button', { name: '报送销售计划' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('.alert-message').textContent()).toContain('不符合独家代理商管理规定');
    expect(await alert.locator('.alert-details').textContent()).toContain('规则 R-TIER-7');
    expect(await form.getByLabel('客户（最终用户）').inputValue()).toBe('宁波某化纤厂');

    await form.getByLabel('计划月份').fill('2026-04');
    await form.getByLabel('提货时间自').fill('2026-04-01');
    await form.getByLabel('至', { exact: true }).fill('2026-04-10');
    await form.getByRole('button', { name: '增加一行' }).click();
    await form.getByLabel('客户（最终用户）').nth(1).fill('绍兴某印染厂');
    await form.getByLabel('数量（吨）').nth(1).fill('200');
    await form.getByLabel('提货时间自').nth(1).fill('2026-04-15');
    await form.getByLabel('至', { exact: true }).nth(1).fill('2026-04-30');
    await form.getByRole('button', { name: '报送销售计划' }).click();
    const plan = card.getByTestId('sales-plan');
    await plan.getByText(/^2026-04 销售计划（第 1 版/).waitFor();
    expect(await plan.textContent()).toContain('计划 500 吨');
    expect(await plan.textContent()).toContain('绍兴某印染厂');
    await checkPage(page, 'customer-records-03-sales-plan');

    const sales = await served.tab('sales');
    await openArchive(sales, 'agent-rec-1');
    const licence = sales.getByTestId('customer-agency').getByRole('form', { name: '签发独家代理许可证' });
    await licence.getByLabel('年度').fill('2026');
    await licence.getByLabel('许可证编号').fill('EA-2026-001');
    await licence.getByRole('button', { name: '签发独家代理许可证' }).click();
    await licence.getByText('已签发 2026 年独家代理许可证（EA-2026-001）。').waitFor();
    await licence.getByRole('button', { name: '签发独家代理许可证' }).click(); // the same year again
    expect(await licence.getByRole('alert').locator('.alert-message').textContent()).toContain('不符合独家代理商管理规定');
  });

  it('R-ARC-1/2: the manager changes the region and a contact after a confirmation; the archive shows them; nothing changed is refused before sending', async () => {
    const page = await served.tab('manager');
    await openArchive(page, 'cust-rec-1');
    const form = page.getByRole('form', { name: '档案变更（R-ARC-1/2）' });
    await form.getByLabel('变更原因').fill('客户迁址');
    await form.getByRole('button', { name: '提交变更' }).click();
    await form.getByText('没有任何变更：请修改至少一项档案内容').waitFor();

    await form.getByLabel('区域').fill('华南');
    await form.getByLabel('联系电话').first().fill('13900000001');
    await form.getByRole('button', { name: '提交变更' }).click();
    await form.getByTestId('confirm-step').getByRole('button', { name: '确认变更' }).click();
    await form.getByText('档案已变更，已通知财务部和驻厂办。').waitFor();
    const archiveFacts = page.getByTestId('customer-detail').locator('dl').first();
    await archiveFacts.getByText('华南').waitFor();
    expect(await archiveFacts.textContent()).toContain('陈经理 13900000001');
    await checkPage(page, 'customer-records-04-archive-change');
  });

  it('R-ARC-4: the manager files a renewed licence; a renewal that does not extend validity is refused beside its field, typed values kept; the documents show the new one', async () => {
    const page = await served.tab('manager');
    await openArchive(page, 'cust-rec-1');
    const form = page.getByRole('form', { name: '证件换证（R-ARC-4）' });
    await form.getByLabel('证件', { exact: true }).selectOption('licence');
    await form.getByLabel('新证件号码').fill('BL-2');
    await form.getByLabel('有效期自').fill('2026-03-01');
    await form.getByLabel('有效期至').fill('2029-12-31');
    await form.getByRole('button', { name: '登记换证' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('有效期至').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByRole('alert').locator('.alert-details').textContent()).toContain('规则 R-ARC-4');
    expect(await form.getByLabel('新证件号码').inputValue()).toBe('BL-2');

    await form.getByLabel('有效期至').fill('2036-02-28');
    await form.getByRole('button', { name: '登记换证' }).click();
    await form.getByText('已登记换证。').waitFor();
    const renewed = page.getByTestId('customer-documents').locator('tr', { hasText: 'BL-2' });
    await renewed.waitFor();
    expect(await renewed.textContent()).toContain('2026-03-01 ~ 2036-02-28');
  });

  it('R-EVAL-3: the manager proposes a disqualification after a confirmation; the archive shows it pending, proposed by name; the general manager gets the decision', async () => {
    const page = await served.tab('manager');
    await openArchive(page, 'cust-rec-dq');
    const form = page.getByRole('form', { name: '提议取消客户资格（R-EVAL-3）' });
    await form.getByRole('button', { name: '提交提议' }).click();
    await form.getByText('至少填写一行').waitFor(); // Evidence: one item at least
    await form.getByLabel('理由').selectOption('false_information');
    await form.getByLabel('证据（每行一条）').fill('营业执照复印件与工商登记不符\n走访记录 2026-03-09');
    await form.getByRole('button', { name: '提交提议' }).click();
    const confirm = form.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('余姚四明塑料有限公司');
    await confirm.getByRole('button', { name: '确认提议' }).click();
    const pending = page.getByTestId('pending-disqualification');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('王经理 于 2026-03-10 10:00 提议取消该客户资格，理由：提供虚假信息');
    expect(await page.getByRole('form', { name: '提议取消客户资格（R-EVAL-3）' }).count()).toBe(0);

    const gm = await served.tab('gm');
    await openArchive(gm, 'cust-rec-dq');
    await gm.getByTestId('pending-disqualification').getByRole('button', { name: '同意取消资格' }).waitFor();
  });

  it('shows each form only to the roles the API accepts: the auditor reads the pickups and gets no form', async () => {
    const page = await served.tab('auditor');
    await openArchive(page, 'cust-rec-1');
    await page.getByTestId('pickups-table').locator('tr[data-pickup="TH-0001"]').waitFor();
    expect(await page.getByRole('form', { name: '登记提货' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: '批量导入提货（CSV 或 Excel）' }).count()).toBe(0);
    expect(await page.getByTestId('customer-archive-change').count()).toBe(0);
    expect(await page.getByTestId('propose-disqualification').count()).toBe(0);
  });
});
