import type { Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { applicationForm } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(60_000);

(browserTestsRun('inbox browser tests') ? describe : describe.skip)('approver inbox in Chromium against the real API on SQLite', () => {
  let served: ServedConsole;

  beforeAll(async () => {
    served = await startServedConsole('2026-03-02T01:00:00.000Z');
    const manager = await served.api.tokenFor('manager');
    const created = await served.api.request('POST', '/applications', { token: manager, body: { applicationId: 'ui-1', form: applicationForm(501) } });
    expect(created.status).toBe(201);
    expect((await served.api.request('POST', '/applications/ui-1/submit', { token: manager })).status).toBe(200);
  }, 180_000);
  afterAll(() => served?.close());

  const openFromInbox = async (page: Page) => {
    await page.goto(`${served.api.url}/#/inbox`);
    await page.locator('a[data-application="ui-1"]').click();
    await page.getByRole('heading', { level: 2, name: '开户申请 ui-1' }).waitFor();
  };

  it('R-ONB-3: the sales reviewer finds the application in the inbox and approves it', async () => {
    const sales = await served.signedInPage('sales');
    await sales.goto(`${served.api.url}/#/inbox`);
    const row = sales.getByTestId('inbox-table').locator('tr', { hasText: '宁波测试501号化工有限公司' });
    await row.waitFor();
    expect(await row.textContent()).toContain('销售部审核');
    await served.shot(sales, 'inbox-01-list');
    await openFromInbox(sales);
    await served.shot(sales, 'inbox-02-application');
    await sales.getByLabel('意见').fill('资料齐全');
    await sales.getByRole('button', { name: '同意' }).click();
    await sales.getByTestId('inbox-notice').getByText('已同意 宁波测试501号化工有限公司 的销售部审核。').waitFor();
  });

  it('a second finance reviewer acting on the same step sees the conflict plainly and a refreshed list', async () => {
    const finance = await served.signedInPage('finance');
    const finance2 = await served.signedInPage('finance2');
    await openFromInbox(finance);
    await openFromInbox(finance2);
    for (const page of [finance, finance2]) {
      await page.getByLabel('已核对税务登记').check();
      await page.getByLabel('已核对开票资料').check();
    }
    await finance.getByRole('button', { name: '同意' }).click();
    await finance.getByTestId('inbox-notice').getByText('已同意 宁波测试501号化工有限公司 的财务部审核。').waitFor();
    await finance2.getByRole('button', { name: '同意' }).click();
    const notice = finance2.getByTestId('inbox-notice');
    await notice.getByText(/该步骤已被他人处理/).waitFor();
    await served.shot(finance2, 'inbox-03-conflict');
    await finance2.getByText('目前没有待我处理的审批。').waitFor();
    const events = await served.api.store.readStream('onboarding-ui-1');
    expect(events.filter((e) => e.type === 'FinanceReviewApproved')).toHaveLength(1);
  });

  it('a rejection needs a reason before anything is sent', async () => {
    const gm = await served.signedInPage('gm');
    await openFromInbox(gm);
    const before = await served.api.store.headPosition();
    await gm.getByRole('button', { name: '驳回' }).click();
    await gm.getByText('驳回须填写理由').waitFor();
    expect(await served.api.store.headPosition()).toBe(before);
  });
});
