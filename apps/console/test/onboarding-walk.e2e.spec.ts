import type { Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp, fireDueTimers } from '../../api/test/complaints/complaint-support';
import { applicationForm, creditCode } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { fillApplication, fillDocument as fillDocumentOn } from './support/application-form';
import { checkPage, focusIndicator, tabTo } from './support/page-checks';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(90_000);

// Monday 2 March 2026, 09:00 in Beijing. Tokens live an hour on the service's clock, so each
// person signs in again after the clock is moved on.
const START = '2026-03-02T01:00:00.000Z';
const COMPANY = '宁波镇海恒通化工有限公司';
const CODE = creditCode(701);
// the same code with a wrong check character: the form must refuse it before anything is sent
const WRONG_CODE = `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`;

(browserTestsRun('onboarding walk browser tests') ? describe : describe.skip)('an application from the manager’s form through three approvers to a customer, in Chromium against the real API on SQLite', () => {
  let served: ServedConsole;
  let manager: Page;
  let applicationId: string;

  beforeAll(async () => {
    served = await startServedConsole(START);
    manager = await served.signedInPage('manager');
  }, 180_000);
  afterAll(() => served?.close());

  const fillDocument = (n: number, values: { kind?: string; number: string; from: string; until: string }) => fillDocumentOn(manager, n, values);

  const openInbox = async (username: string) => {
    const page = await served.signedInPage(username);
    await page.goto(`${served.api.url}/#/inbox`);
    await page.locator(`a[data-application="${applicationId}"]`).click();
    await page.getByRole('heading', { level: 2, name: `开户申请 ${applicationId}` }).waitFor();
    return page;
  };

  it('R-ONB-1: the manager types the form; a credit code with a wrong check character is refused beside its field, fixed on screen, and the application submitted', async () => {
    await manager.goto(`${served.api.url}/#/new-application`);
    await manager.getByText('还没有开户申请。').waitFor();
    await manager.getByRole('link', { name: '新建申请' }).click();
    await manager.getByRole('heading', { level: 2, name: '新建开户申请' }).waitFor();
    await fillApplication(manager, COMPANY, WRONG_CODE);
    await fillDocument(1, { number: CODE, from: '2024-01-01', until: '2030-12-31' });
    // two more certificates that run out soon, so the customers page has something to flag
    await manager.getByRole('button', { name: '添加证件' }).click();
    await fillDocument(2, { kind: '其他证件', number: 'ZJ-WH-2023-0815', from: '2023-03-07', until: '2026-03-06' });
    await manager.getByRole('button', { name: '添加证件' }).click();
    await fillDocument(3, { kind: '其他证件', number: 'ZJ-YZD-2023-1201', from: '2023-04-11', until: '2026-04-10' });

    const before = await served.api.store.headPosition();
    await manager.getByRole('button', { name: '提交审批' }).click();
    const codeInput = manager.getByLabel('统一社会信用代码', { exact: true });
    await manager.getByText(/统一社会信用代码无效/).waitFor();
    expect(await codeInput.getAttribute('aria-invalid')).toBe('true');
    expect(await manager.evaluate(() => document.activeElement?.id)).toBe('app-creditCode');
    expect(await served.api.store.headPosition()).toBe(before);
    await checkPage(manager, 'application-01-validation');

    await codeInput.fill(CODE);
    await manager.getByRole('button', { name: '提交审批' }).click();
    await manager.getByTestId('application-notice').getByText(/已提交，进入销售部审核/).waitFor();
    const row = manager.getByTestId('my-applications').locator('tr', { hasText: COMPANY });
    await row.getByText('审批中').waitFor();
    applicationId = (await row.getAttribute('data-application')) ?? '';
    expect(applicationId).toMatch(/^app-/);
    await checkPage(manager, 'application-02-submitted');
  });

  it('R-ONB-3: sales returns it for revision, the manager amends and resubmits from the list', async () => {
    const sales = await openInbox('sales');
    await sales.getByLabel('意见').fill('请补充联系人的职务和电子邮箱');
    await sales.getByRole('button', { name: '退回修改' }).click();
    await sales.getByTestId('inbox-notice').getByText(`已将 ${COMPANY} 的申请退回修改。`).waitFor();

    await caughtUp(served.api, 'onboarding-applications');
    await manager.reload(); // the list was on screen when sales decided: load it afresh
    const row = manager.getByTestId('my-applications').locator('tr', { hasText: COMPANY });
    await row.getByText('已退回修改').waitFor();
    await row.getByRole('link', { name: `修改 ${COMPANY}` }).click();
    await manager.getByText('该申请已被退回修改：请补充联系人的职务和电子邮箱').waitFor();
    const contact = manager.getByRole('group', { name: '联系人 1' });
    await contact.getByLabel('职务').fill('采购部经理');
    await contact.getByLabel('电子邮箱').fill('sun.caigou@example.com');
    await checkPage(manager, 'application-03-amend-returned');
    await manager.getByRole('button', { name: '修改后重新提交' }).click();
    await manager.getByTestId('application-notice').waitFor();
    await row.getByText('审批中').waitFor();
  });

  it('R-ONB-3: sales signs in, reaches the inbox, opens the application and approves it with the keyboard alone (Tab, Enter, Space), the focus visible at every stop', async () => {
    const sales = await served.browser.context.newPage();
    sales.setDefaultTimeout(15_000);
    await sales.goto(`${served.api.url}/`);
    await sales.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await tabTo(sales, '#username');
    await sales.keyboard.type('sales');
    await tabTo(sales, '#password');
    await sales.keyboard.type('demo1234');
    await sales.keyboard.press('Enter');
    await sales.getByRole('heading', { level: 1, name: /^您好/ }).waitFor();
    await tabTo(sales, 'a[href="#/inbox"]');
    await sales.keyboard.press('Enter');
    await sales.getByTestId('inbox-table').waitFor();
    await checkPage(sales, 'inbox-01-list');
    await tabTo(sales, `a[data-application="${applicationId}"]`);
    await sales.keyboard.press('Enter');
    await sales.getByRole('heading', { level: 2, name: `开户申请 ${applicationId}` }).waitFor();
    await checkPage(sales, 'inbox-02-application');
    await tabTo(sales, 'button', '同意');
    const ring = await focusIndicator(sales);
    expect(`${ring.outline} ${ring.boxShadow}`).not.toBe('none none');
    await sales.keyboard.press('Space');
    await sales.getByTestId('inbox-notice').getByText(`已同意 ${COMPANY} 的销售部审核。`).waitFor();
    const events = await served.api.store.readStream(`onboarding-${applicationId}`);
    expect(events.filter((e) => e.type === 'SalesReviewApproved')).toHaveLength(1);
  });

  it('R-ONB-3/R-ONB-4: finance (both checks) and the general manager approve from their inboxes; the customer opens on the customers page', async () => {

    const finance = await openInbox('finance');
    await finance.getByRole('button', { name: '同意' }).click();
    await finance.getByText('同意前须核对税务登记与开票资料').waitFor();
    await finance.getByLabel('已核对税务登记').check();
    await finance.getByLabel('已核对开票资料').check();
    await finance.getByRole('button', { name: '同意' }).click();
    await finance.getByTestId('inbox-notice').getByText(`已同意 ${COMPANY} 的财务部审核。`).waitFor();

    const gm = await openInbox('gm');
    await gm.getByLabel('意见').fill('同意开户');
    await checkPage(gm, 'inbox-03-general-manager');
    await gm.getByRole('button', { name: '同意' }).click();
    await gm.getByTestId('inbox-notice').getByText(`已同意 ${COMPANY} 的总经理审批。`).waitFor();

    const customerId = `cust-${applicationId}`;
    await customerOpened(customerId);
    const recorder = await served.api.tokenFor('manager');
    for (const [pickupId, tonnes] of [['p-1', 320.5], ['p-2', 180]] as const) {
      const body = { pickupId, date: '2026-03-02', product: 'HDPE 5000S', tonnes, warehouse: '镇海库' };
      expect((await served.api.request('POST', `/customers/${customerId}/pickups`, { token: recorder, body })).status).toBe(200);
    }
    await manager.goto(`${served.api.url}/#/customers`);
    const row = manager.getByTestId('customers-table').locator(`tr[data-customer="${customerId}"]`);
    await row.getByText('网上竞价客户').waitFor();
    expect(await row.textContent()).toContain('正常');
    await checkPage(manager, 'customers-01-list');
  });

  it('R-EVAL-1/R-ARC-4: ten days on, the expired certificate suspends the customer and the one expiring soon is flagged on its archive', async () => {
    served.api.clock.set(new Date('2026-03-12T01:00:00.000Z'));
    await fireDueTimers(served.api);
    const supervisor = await served.signedInPage('supervisor');
    await supervisor.goto(`${served.api.url}/#/customers`);
    await supervisor.getByLabel('状态').selectOption({ label: '暂停供货' });
    await supervisor.getByRole('button', { name: '筛选', exact: true }).click();
    await supervisor.getByText('共 1 户').waitFor();
    await supervisor.getByRole('link', { name: COMPANY }).click();
    const detail = supervisor.getByTestId('customer-detail');
    await detail.getByText(/起暂停供货/).waitFor();
    const documents = supervisor.getByTestId('customer-documents');
    expect(await documents.locator('tr[data-document-state="expired"]').textContent()).toContain('ZJ-WH-2023-0815');
    expect(await documents.locator('tr[data-document-state="soon"]').textContent()).toContain('ZJ-YZD-2023-1201');
    expect(await documents.locator('tr[data-document-state="valid"]').textContent()).toContain(CODE);
    expect(await supervisor.getByTestId('grade-chart').getAttribute('role')).toBe('img');
    expect(await supervisor.getByTestId('tonnage-chart').textContent()).toContain('500.5'); // 320.5 t + 180 t in 2026-03
    await checkPage(supervisor, 'customers-02-detail');
  });

  it('a second finance reviewer deciding a step the first already decided is told who decided first and what, keeps the typed comment, then finds the inbox refreshed', async () => {
    const token = await served.api.tokenFor('manager');
    const body = { applicationId: 'race-1', form: applicationForm(702) };
    expect((await served.api.request('POST', '/applications', { token, body })).status).toBe(201);
    expect((await served.api.request('POST', '/applications/race-1/submit', { token })).status).toBe(200);
    const salesToken = await served.api.tokenFor('sales');
    expect((await served.api.request('POST', '/applications/race-1/steps/sales/approve', { token: salesToken, body: {} })).status).toBe(200);
    applicationId = 'race-1';
    const finance = await openInbox('finance');
    const finance2 = await openInbox('finance2');
    for (const page of [finance, finance2]) {
      await page.getByLabel('已核对税务登记').check();
      await page.getByLabel('已核对开票资料').check();
    }
    await finance.getByRole('button', { name: '同意' }).click();
    await finance.getByTestId('inbox-notice').getByText(/已同意/).waitFor();
    await finance2.getByLabel('意见', { exact: true }).fill('开票资料已电话核实');
    await finance2.getByRole('button', { name: '同意' }).click();
    const conflict = finance2.getByTestId('decision-conflict');
    await conflict.getByText(/张财务.*先处理了此步骤：财务部同意/).waitFor();
    expect(await finance2.getByLabel('意见', { exact: true }).inputValue()).toBe('开票资料已电话核实');
    expect(await finance2.getByRole('button', { name: '同意' }).isDisabled()).toBe(true);
    finance2.once('dialog', (dialog) => void dialog.accept()); // leaving a form with typed text asks first
    await finance2.getByRole('link', { name: /返回待办/ }).click();
    await finance2.getByText('目前没有待我处理的事项。').waitFor();
    await checkPage(finance2, 'inbox-04-conflict-refreshed');
    const events = await served.api.store.readStream('onboarding-race-1');
    expect(events.filter((e) => e.type === 'FinanceReviewApproved')).toHaveLength(1);
  });

  it('R-ONB-3: a rejection needs a reason and a return a comment before anything is sent', async () => {
    const gm = await openInbox('gm');
    const before = await served.api.store.headPosition();
    await gm.getByRole('button', { name: '驳回' }).click();
    await gm.getByText('驳回须填写理由').waitFor();
    await gm.getByRole('button', { name: '退回修改' }).click();
    await gm.getByText('退回须填写修改意见').waitFor();
    expect(await served.api.store.headPosition()).toBe(before);
  });

  /** The archive is opened by a reactor after the approval is stored; wait until it answers. */
  async function customerOpened(customerId: string) {
    const token = await served.api.tokenFor('gm');
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await served.api.request('GET', `/customers/${customerId}`, { token });
      if (res.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`customer ${customerId} was never opened`);
  }
});
