import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
import { applicationForm, creditCode } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { ARTIFACTS } from './support/build-console';
import { checkPage, showsNoIds } from './support/page-checks';
import { expectShownIn } from './support/shown-messages';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(180_000);

const NINGBO = '宁波甬兴塑业有限公司';
const SHAOXING = '绍兴越州化纤有限公司';
const NINGBO_ACCOUNT = '3901-1100-0000-1111';
const SHAOXING_ACCOUNT = '3301-2200-0000-5678';
const N = 61; // the prospect's company, as the onboarding fixtures number it
const PROSPECT_COMPANY = applicationForm(N).companyName;
const invoicing = (accountNumber: string) => ({ bank: '工商银行宁波分行', accountNumber, address: '宁波市北仑区', telephone: '0574-8888-0000' });

/**
 * Issue 16: the commerce records that were API-only, walked in the browser: finance records a
 * payment received and imports a bank statement (R-PRIN-4 款到发货), the customer manager corrects
 * one pickup and voids another after a confirmation (R-TIER-2), the month's allocations are read
 * (R-ALLOC-2), a consultation is answered (R-CMP-5), a prospect archive is updated, converted and
 * another dropped (R-DEV-1). Each write is read back through the API; each page is in Chinese,
 * the allocations also in English.
 */
(browserTestsRun('commerce records browser tests') ? describe : describe.skip)('commerce records in the console (issue 16: R-PRIN-4, R-TIER-2, R-ALLOC-2, R-CMP-5, R-DEV-1)', () => {
  let served: ServedConsole;
  const ok = async (username: string, method: string, path: string, body?: unknown) => {
    const answer = await served.as(username, method, path, body);
    expect({ path, status: answer.status < 300 ? 'ok' : answer.body }).toEqual({ path, status: 'ok' });
    return answer.body;
  };

  beforeAll(async () => {
    served = await startServedConsole('2026-10-01T02:00:00.000Z');
    const api = served.api;
    await openCustomer(api, archive('cust-cr-1', { name: NINGBO, invoicing: invoicing(NINGBO_ACCOUNT) }));
    await openCustomer(api, archive('cust-cr-2', { name: SHAOXING, invoicing: invoicing(SHAOXING_ACCOUNT), identifiers: { unifiedSocialCreditCode: '91330600MA2BYYYY1Y' } }));
    await caughtUp(api, 'customers');
    api.clock.set('2026-10-09T02:00:00.000Z'); // 10:00 in Beijing, a week after the archives opened
    for (const [pickupId, date, tonnes] of [['TH-1', '2026-10-05', 20], ['TH-2', '2026-10-06', 15]] as const) {
      await ok('manager', 'POST', '/customers/cust-cr-1/pickups', { pickupId, date, product: 'PP T30S', tonnes, warehouse: '镇海库' });
    }
  });
  afterAll(() => served?.close());
  afterEach(() => served.closeTabs());

  it('R-PRIN-4: finance records a payment received on the archive (fen and a missing transaction number refused in the browser), after a confirmation naming the sum; the balance shows it', async () => {
    const finance = await served.tab('finance');
    await finance.goto(served.url('/customers/cust-cr-1'));
    const card = finance.getByTestId('customer-account');
    await card.getByText('暂无收款或扣款。').waitFor();
    const form = card.getByRole('form', { name: '登记收款' });
    expect(await form.textContent()).toContain('聚烯烃'); // the archive's own product line, by name
    await form.getByLabel('金额（元）').fill('100.555');
    await form.getByRole('button', { name: '登记收款' }).click();
    await form.locator('.field-error', { hasText: '金额最多 2 位小数（分）' }).waitFor();
    expect(await form.getByLabel('银行交易流水号').getAttribute('aria-invalid')).toBe('true');
    await form.locator('.field-error', { hasText: '必填' }).first().waitFor();

    await form.getByLabel('银行交易流水号').fill('T-1001');
    await form.getByLabel('金额（元）').fill('50000');
    await form.getByLabel('到账日期').fill('2026-10-08');
    await form.getByLabel('付款说明').fill('十月货款');
    await form.getByRole('button', { name: '登记收款' }).click();
    const confirm = form.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain(`确认为${NINGBO}登记收款 50,000.00 元（流水号 T-1001）`);
    expect((await ok('finance', 'GET', '/customers/cust-cr-1/account')).movements).toEqual([]); // nothing sent before the confirmation
    await confirm.getByRole('button', { name: '确认登记' }).click();
    await form.getByText('已登记收款 50,000.00 元，流水号 T-1001。').waitFor();
    await card.getByTestId('account-balance').getByText('50,000.00 元').waitFor();
    const row = card.getByTestId('account-movements').locator('tr[data-kind="receipt"]');
    expect(await row.textContent()).toContain('T-1001 十月货款');
    await checkPage(finance, 'commerce-01-receipt');
    await showsNoIds(finance, 'cust-cr-1', 'polyolefin', 'bank-T-1001');
    await expectShownIn(finance, 'zh', ['T-1001', '十月货款']);

    const account = await ok('finance', 'GET', '/customers/cust-cr-1/account');
    expect(account.balances).toEqual({ polyolefin: 5_000_000 });
    expect(account.movements).toEqual([expect.objectContaining({ kind: 'receipt', date: '2026-10-08', reference: 'bank-T-1001 十月货款', amountFen: 5_000_000 })]);
  });

  it('R-PRIN-4: finance imports a bank statement from the downloaded template (a real file, previewed first, skipped lines named, a credit typed in before counted once); an unknown payer refuses the whole file, its row in Chinese', async () => {
    const finance = await served.tab('finance');
    await finance.goto(served.url('/customers'));
    const form = finance.getByRole('form', { name: '导入银行流水（收款）' });
    const [download] = await Promise.all([finance.waitForEvent('download'), form.getByRole('button', { name: '下载 CSV 模板' }).click()]);
    expect(download.suggestedFilename()).toBe('银行流水导入模板.csv');
    const template = readFileSync(await download.path(), 'utf8');
    expect(template).toBe('\uFEFF交易流水号,交易日期,对方户名,对方账号,贷方金额,摘要\r\n');

    await form.getByRole('button', { name: '预览并导入' }).click();
    await form.locator('.field-error', { hasText: '请先选择文件' }).waitFor();
    const good = join(ARTIFACTS, 'bank-statement-october.csv');
    // T-1001 is the payment finance typed in above: the statement's credit is the same receipt (R-PRIN-4: one receipt per bank transaction)
    writeFileSync(good, `${template}T-2001,2026-10-08,${NINGBO},${NINGBO_ACCOUNT},"12,000.00",货款\r\nT-2002,2026-10-08,手续费,0000,,手续费\r\nT-2003,2026/10/08,${SHAOXING},${SHAOXING_ACCOUNT},8000.5,十月货款\r\nT-1001,20261008,${NINGBO},${NINGBO_ACCOUNT},50000.00,十月货款\r\n`);
    await form.getByLabel('银行流水文件').setInputFiles(good);
    await form.getByRole('button', { name: '预览并导入' }).click();
    const preview = form.getByTestId('receipt-preview');
    expect(await preview.locator('tr[data-line="2"]').textContent()).toContain('12,000.00');
    expect(await preview.locator('tr[data-line="4"]').textContent()).toContain(SHAOXING);
    await preview.getByText('跳过无贷方金额的行：第 3 行。').waitFor();
    const confirm = form.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('bank-statement-october.csv');
    expect((await ok('finance', 'GET', '/customers/cust-cr-2/account')).movements).toEqual([]); // the preview sent nothing
    await confirm.getByRole('button', { name: '确认导入' }).click();
    await form.getByText('导入完成：共 3 笔收款，新登记 2 笔，1 笔此前已登记（未重复记账）。 跳过第 3 行（无贷方金额）。').waitFor();
    const matches = form.getByTestId('import-matches');
    await matches.locator('tr[data-line="2"]', { hasText: NINGBO }).waitFor();
    await matches.locator('tr[data-line="4"]', { hasText: `${SHAOXING}付款账号` }).waitFor();
    await checkPage(finance, 'commerce-02-receipt-import');
    await matches.locator('tr[data-line="5"]', { hasText: NINGBO }).waitFor();
    await showsNoIds(finance, 'cust-cr-1', 'cust-cr-2');
    expect((await ok('finance', 'GET', '/customers/cust-cr-2/account')).balances).toEqual({ polyolefin: 800_050 });
    expect((await ok('finance', 'GET', '/customers/cust-cr-1/account')).balances).toEqual({ polyolefin: 6_200_000 });

    // the same statement again records nothing twice
    await form.getByLabel('银行流水文件').setInputFiles(good);
    await form.getByRole('button', { name: '预览并导入' }).click();
    await form.getByTestId('confirm-step').getByRole('button', { name: '确认导入' }).click();
    await form.getByText('导入完成：共 3 笔收款，新登记 0 笔，3 笔此前已登记（未重复记账）。 跳过第 3 行（无贷方金额）。').waitFor();

    expect((await ok('finance', 'GET', '/customers/cust-cr-1/account')).balances).toEqual({ polyolefin: 6_200_000 });

    const bad = join(ARTIFACTS, 'bank-statement-unknown.csv');
    writeFileSync(bad, `${template}T-3001,2026-10-08,杭州某厂,9999-0000,500,货款\r\n`);
    await form.getByLabel('银行流水文件').setInputFiles(bad);
    await form.getByRole('button', { name: '预览并导入' }).click();
    await form.getByTestId('confirm-step').getByRole('button', { name: '确认导入' }).click();
    const refused = form.getByTestId('import-refused-rows');
    await refused.locator('tr[data-line="2"]', { hasText: '没有客户从账号 9999-0000 付款，也没有名为「杭州某厂」的客户（R-PRIN-4）' }).waitFor();
    await checkPage(finance, 'commerce-03-receipt-import-refused');
    await expectShownIn(finance, 'zh', ['bank-statement-october.csv', 'bank-statement-unknown.csv', '杭州某厂', '9999-0000', NINGBO, SHAOXING]);
    expect((await ok('finance', 'GET', '/customers/cust-cr-1/account')).movements).toHaveLength(2); // nothing of the refused file
  });

  it('R-TIER-2: the customer manager corrects a pickup’s tonnes (checked in the browser) and voids another only after a confirmation naming it', async () => {
    const manager = await served.tab('manager');
    await manager.goto(served.url('/customers'));
    await manager.getByRole('link', { name: NINGBO }).waitFor();
    expect(await manager.getByRole('form', { name: '导入银行流水（收款）' }).count()).toBe(0); // R-PRIN-4: the bank statement is finance's
    await manager.goto(served.url('/customers/cust-cr-1'));
    const table = manager.getByTestId('pickups-table');
    await table.getByRole('button', { name: '更正提货单 TH-1' }).click();
    expect(await manager.getByRole('form', { name: '登记收款' }).count()).toBe(0); // R-PRIN-4: receipts are finance's to record
    await manager.getByTestId('account-balance').getByText('62,000.00 元').waitFor(); // the manager reads the balance
    const correct = manager.getByRole('form', { name: '更正提货单 TH-1（原 20 吨）' });
    await correct.getByLabel('更正后吨数').fill('6000');
    await correct.getByRole('button', { name: '提交更正' }).click();
    await correct.locator('.field-error', { hasText: '不能超过 5000' }).waitFor();
    await correct.locator('.field-error', { hasText: '必填' }).waitFor();
    await correct.getByLabel('更正后吨数').fill('18.5');
    await correct.getByLabel('更正原因').fill('磅单复核，少记 1.5 吨');
    await correct.getByRole('button', { name: '提交更正' }).click();
    await manager.getByTestId('pickup-notice').getByText('提货单 TH-1 已更正。').waitFor();
    await table.locator('tr[data-pickup="TH-1"]', { hasText: '18.5' }).waitFor();

    await table.getByRole('button', { name: '作废提货单 TH-2' }).click();
    const voiding = manager.getByRole('form', { name: '作废提货单 TH-2（15 吨）' });
    await voiding.getByRole('button', { name: '作废提货单' }).click();
    await voiding.locator('.field-error', { hasText: '必填' }).waitFor();
    await voiding.getByLabel('作废原因').fill('重复登记');
    await voiding.getByRole('button', { name: '作废提货单' }).click();
    const confirm = voiding.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('确认作废提货单 TH-2（2026-10-06，15 吨）？作废不能撤回。');
    const before = (await ok('manager', 'GET', '/customers/cust-cr-1/pickups')).items;
    expect(before.find((p: { pickupId: string }) => p.pickupId === 'TH-2').voided).toBe(false); // nothing sent before the confirmation
    await confirm.getByRole('button', { name: '确认作废' }).click();
    await manager.getByTestId('pickup-notice').getByText('提货单 TH-2 已作废。').waitFor();
    await table.locator('tr[data-pickup="TH-2"]', { hasText: '已作废' }).waitFor();
    // a voided pickup is history: neither corrected nor voided again
    expect(await table.getByRole('button', { name: '作废提货单 TH-2' }).count()).toBe(0);
    await checkPage(manager, 'commerce-04-pickups-changed');
    await expectShownIn(manager, 'zh', ['磅单复核，少记 1.5 吨', '重复登记', 'TH-1', 'TH-2', 'PP T30S']);

    const items = (await ok('manager', 'GET', '/customers/cust-cr-1/pickups')).items;
    expect(items).toEqual(expect.arrayContaining([
      expect.objectContaining({ pickupId: 'TH-1', tonnes: 18.5, voided: false }),
      expect.objectContaining({ pickupId: 'TH-2', voided: true }),
    ]));
  });

  it('R-ALLOC-2: the general manager reads the month’s allocations at a glance, each product line by name, in Chinese and in English', async () => {
    await ok('sales', 'POST', '/allocations/2026-10/polyolefin/proposals', { availableTonnes: 200, requests: [{ customerId: 'cust-cr-1', tonnes: 60 }, { customerId: 'cust-cr-2', tonnes: 50 }] });
    await ok('gm', 'POST', '/allocations/2026-10/polyolefin/approve', { round: 1 });
    const gm = await served.tab('gm');
    await gm.goto(served.url('/allocations?month=2026-10'));
    const month = gm.getByTestId('allocation-month');
    const poly = month.locator('tr[data-line="polyolefin"]');
    await poly.getByText('第 1 轮 · 已批准').waitFor();
    expect(await poly.textContent()).toContain('第 1 轮，110 吨');
    expect(await month.locator('tr[data-line="other_chemicals"]').textContent()).toContain('尚未编制');
    await checkPage(gm, 'commerce-05-allocation-month');
    await showsNoIds(gm, 'polyolefin', 'other_chemicals', 'approved');
    await expectShownIn(gm, 'zh');

    await gm.getByRole('button', { name: '切换语言为英文' }).click();
    await poly.getByText('round 1 · Approved').waitFor();
    expect(await poly.textContent()).toContain('round 1, 110 t');
    expect(await month.locator('tr[data-line="other_chemicals"]').textContent()).toContain('Not proposed');
    await month.getByLabel('Allocation month').fill('2026-11');
    await month.getByText('No product line has an allocation proposal for 2026-11.').waitFor();
    await checkPage(gm, 'commerce-06-allocation-month-en');
    await expectShownIn(gm, 'en');
    await gm.getByRole('button', { name: 'Switch language to Chinese' }).click(); // the language is kept for the whole browser

    const read = await ok('gm', 'GET', '/allocations/2026-10');
    expect(read.allocations).toEqual([expect.objectContaining({ productLine: 'polyolefin', status: 'approved', round: 1, inForce: expect.objectContaining({ round: 1 }) })]);
  });

  it('R-CMP-5: the customer manager answers a consultation on its page; the answer is on the record', async () => {
    await ok('manager', 'POST', '/consultations', { consultationId: 'cns-cr-1', customerId: 'cust-cr-1', receivedAt: '2026-10-09T01:30:00.000Z', channel: 'phone', question: '十一月 PP T30S 能否按计划供货？' });
    const manager = await served.tab('manager');
    await manager.goto(served.url('/consultations/cns-cr-1'));
    const detail = manager.getByTestId('consultation-detail');
    await detail.getByRole('heading', { name: new RegExp(NINGBO) }).waitFor();
    const answer = manager.getByRole('form', { name: '答复客户' });
    await answer.getByRole('button', { name: '登记答复' }).click();
    await answer.locator('.field-error', { hasText: '必填' }).waitFor();
    await answer.getByLabel('答复方式').selectOption({ label: '邮件' });
    await answer.getByLabel('答复内容').fill('十一月供应正常，可按计划提货。');
    await answer.getByRole('button', { name: '登记答复' }).click();
    await detail.locator('[data-state="answered"]').waitFor();
    await detail.getByTestId('consultation-answer').getByText(/^王经理（客户经理） 于 2026-10-09 10:00 以邮件答复/).waitFor();
    await checkPage(manager, 'commerce-07-consultation-answered');
    await showsNoIds(manager, 'cust-cr-1', 'manager');
    await expectShownIn(manager, 'zh', ['十一月供应正常，可按计划提货。']);
    expect(await ok('manager', 'GET', '/consultations/cns-cr-1')).toMatchObject({ state: 'answered', answer: { text: '十一月供应正常，可按计划提货。', channel: 'email', by: 'manager' } });
  });

  it('R-DEV-1: the customer manager opens a prospect from the list by name, updates it (nothing changed refused first), converts it into its application; another is dropped only after a confirmation', async () => {
    await ok('manager', 'POST', '/prospects', { prospectId: 'p-cr-1', companyName: PROSPECT_COMPANY, identifiers: { creditCode: creditCode(N) }, region: '华东', productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 600, source: 'visit' });
    await ok('manager', 'POST', '/prospects', { prospectId: 'p-cr-2', companyName: '舟山海联塑胶有限公司', region: '华东', productsOfInterest: ['聚丙烯'], estimatedTonnesPerYear: null, source: 'exhibition' });
    await ok('manager', 'POST', '/applications', { applicationId: 'app-cr-61', form: applicationForm(N) });
    await ok('manager', 'POST', '/applications/app-cr-61/submit');

    const manager = await served.tab('manager');
    await manager.goto(served.url('/development'));
    const list = manager.getByTestId('prospects-table');
    await list.locator('tr[data-prospect="p-cr-1"]', { hasText: '王经理（客户经理）' }).waitFor(); // the keeper by name
    await showsNoIds(manager, 'p-cr-1', 'p-cr-2');
    await list.getByRole('link', { name: PROSPECT_COMPANY }).click();
    const detail = manager.getByTestId('prospect-detail');
    await detail.getByRole('heading', { name: PROSPECT_COMPANY }).waitFor();
    await detail.getByText('跟进中', { exact: true }).waitFor();

    const update = manager.getByRole('form', { name: '修改目标客户档案' });
    await update.getByRole('button', { name: '保存修改' }).click();
    await update.locator('.field-error', { hasText: '没有任何变更：请修改至少一项内容' }).waitFor();
    await update.locator('.field-error', { hasText: '必填' }).waitFor(); // the reason
    await update.getByLabel('区域').fill('华南');
    await update.getByLabel('预计年用量（吨，可选）').fill('900');
    await update.getByLabel('修改原因').fill('客户扩产，转由华南片区跟进');
    await update.getByRole('button', { name: '保存修改' }).click();
    await manager.getByTestId('prospect-notice').getByText('目标客户档案已修改。').waitFor();
    const history = detail.getByTestId('prospect-history-list');
    await history.getByText(/区域由“华东”改为“华南”/).waitFor();
    expect(await history.textContent()).toContain('预计年用量（吨）由“600”改为“900”');
    await history.getByText(/^王经理（客户经理） 于 2026-10-09 10:00 修改/).waitFor();
    expect(await update.getByLabel('区域').inputValue()).toBe('华南'); // the form starts again from the archive as it now is
    await checkPage(manager, 'commerce-08-prospect-updated');
    const updated = await ok('manager', 'GET', '/prospects/p-cr-1');
    expect(updated.archive).toMatchObject({ region: '华南', estimatedTonnesPerYear: 900 });
    expect(updated.history).toEqual([expect.objectContaining({ type: 'ProspectUpdated', reason: '客户扩产，转由华南片区跟进', changes: { region: { before: '华东', after: '华南' }, estimatedTonnesPerYear: { before: 600, after: 900 } } })]);

    // the application opened for the same company is picked by its name
    const convert = manager.getByRole('form', { name: '转为开户申请' });
    expect(await convert.getByLabel('开户申请').locator('option:checked').textContent()).toBe(`${PROSPECT_COMPANY}（审批中）`);
    await convert.getByRole('button', { name: '转为开户申请' }).click();
    await manager.getByTestId('prospect-notice').getByText('目标客户已转为开户申请。').waitFor();
    await detail.getByText('已转开户', { exact: true }).waitFor();
    await history.getByText(new RegExp(`转为开户申请（${PROSPECT_COMPANY}）`)).waitFor();
    expect(await manager.getByRole('form', { name: '修改目标客户档案' }).count()).toBe(0); // a converted prospect is closed
    await showsNoIds(manager, 'app-cr-61', 'p-cr-1', 'manager');
    await expectShownIn(manager, 'zh', ['客户扩产，转由华南片区跟进', '华南', '900']);
    expect(await ok('manager', 'GET', '/prospects/p-cr-1')).toMatchObject({ state: 'converted', archive: { applicationId: 'app-cr-61' } });

    await manager.goto(served.url('/development/prospects/p-cr-2'));
    const drop = manager.getByRole('form', { name: '放弃跟进' });
    await drop.getByLabel('放弃原因').fill('客户已与其他供应商签订长期协议');
    await drop.getByRole('button', { name: '放弃跟进' }).click();
    const confirm = drop.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('确认放弃跟进“舟山海联塑胶有限公司”？放弃后不能恢复。');
    expect((await ok('manager', 'GET', '/prospects/p-cr-2')).state).toBe('active'); // nothing sent before the confirmation
    await confirm.getByRole('button', { name: '确认放弃' }).click();
    await manager.getByTestId('prospect-notice').getByText('已放弃跟进该目标客户。').waitFor();
    await manager.getByTestId('prospect-detail').getByText('已放弃', { exact: true }).waitFor();
    await checkPage(manager, 'commerce-09-prospect-dropped');
    await expectShownIn(manager, 'zh', ['客户已与其他供应商签订长期协议']);
    expect(await ok('manager', 'GET', '/prospects/p-cr-2')).toMatchObject({ state: 'dropped', archive: { dropReason: '客户已与其他供应商签订长期协议' } });
  });
});
