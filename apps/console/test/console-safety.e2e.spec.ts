import type { Dialog, Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp, recordAndClassify } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
import { applicationForm, creditCode } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { fillApplication, fillDocument } from './support/application-form';
import { checkPage } from './support/page-checks';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(120_000);

const CUSTOMER = 'cust-safe-1';
const COMPANY = '宁波甬兴塑业有限公司';
const CREDIT_CODE = '91330200MA2B7K8Q3X';
const TEXT = '聚丙烯 T30S 批次熔指超标，要求退换货；客户已寄回样品。';

/**
 * Issue 16, "never lose typed work; never act by accident" (ADR 0034): a form's draft survives a
 * reload, an expired session is renewed in a dialog over the mounted form and the refused submit
 * is sent again with what was typed, the tabs of one browser share one session (its sign-in dialog
 * and its sign-out, which drops the person's drafts),
 * a rejection asks first, and a customer is picked by part of its credit code, never typed as an id.
 */
(browserTestsRun('console safety browser tests') ? describe : describe.skip)('the console keeps typed work and asks before destructive decisions (issue 16, ADR 0034)', () => {
  let served: ServedConsole;
  let manager: Page;
  const dialogs: Array<{ type: string; message: string }> = [];
  const url = (path: string) => `${served.api.url}/#${path}`;
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  beforeAll(async () => {
    served = await startServedConsole('2026-03-02T01:00:00.000Z');
    await openCustomer(served.api, archive(CUSTOMER, { name: COMPANY, identifiers: { kind: 'unified', creditCode: CREDIT_CODE } } as never));
    await openCustomer(served.api, archive('cust-safe-2', { name: '绍兴越州化纤有限公司', identifiers: { kind: 'unified', creditCode: '91330600MA2C1D2E3F' } } as never));
    await caughtUp(served.api, 'customers');
    served.api.clock.advance(10 * 60_000); // the archives are older than the complaint
    // the manager works in the browser's first profile, so a second tab of it shares the session
    manager = await served.browser.context.newPage();
    manager.setDefaultTimeout(15_000);
    manager.on('dialog', (dialog: Dialog) => {
      dialogs.push({ type: dialog.type(), message: dialog.message() });
      // leaving by reload is what the test wants; an in-app link away from typed work is refused
      void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss());
    });
    await manager.goto(url('/'));
    await manager.getByLabel('用户名').fill('manager');
    await manager.getByLabel('密码').fill('demo1234');
    await manager.getByRole('button', { name: '登录', exact: true }).click();
    await heading(manager, '您好，王经理').waitFor();
  }, 180_000);
  afterAll(() => served?.close());

  const recordForm = () => manager.locator('form.command-form', { has: manager.getByLabel('投诉内容') });

  it('picks the customer of a complaint by part of its credit code, shown with its name and code', async () => {
    await manager.goto(url('/complaints'));
    await heading(manager, '投诉').waitFor();
    await manager.getByRole('button', { name: '+ 登记投诉' }).click();
    const form = recordForm();
    await form.getByLabel('客户', { exact: true }).fill('b7k8q'); // any part, any case
    const option = form.getByRole('button', { name: new RegExp(COMPANY) });
    await option.waitFor();
    expect(await option.textContent()).toContain(CREDIT_CODE);
    expect(await form.getByRole('button', { name: /绍兴越州化纤/ }).count()).toBe(0);
    await option.click();
    const chosen = form.getByTestId('picker-chosen');
    await chosen.getByText(COMPANY).waitFor();
    expect(await chosen.textContent()).toContain(CREDIT_CODE);
    expect(await form.textContent()).not.toContain(CUSTOMER);
    await form.getByLabel('受理时间（北京时间）').fill('2026-03-02T09:05'); // the server's clock is 09:10 Beijing time
    await form.getByLabel('投诉内容').fill(TEXT);
    await checkPage(manager, 'safety-01-customer-picked');
  });

  it('asks before an in-app link leaves the changed form, and stays when told to', async () => {
    await manager.getByRole('navigation').getByRole('link', { name: '工作日历' }).click();
    expect(dialogs.at(-1)).toEqual({ type: 'confirm', message: expect.stringContaining('尚未提交') });
    expect(new URL(manager.url()).hash).toBe('#/complaints/new');
    expect(await recordForm().getByLabel('投诉内容').inputValue()).toBe(TEXT);
  });

  it('restores the typed draft after a reload and after Back/Forward: the customer chosen and the text, for this user only', async () => {
    await manager.reload();
    await heading(manager, '投诉').waitFor();
    const form = recordForm();
    await form.getByTestId('draft-restored').waitFor();
    expect(await form.getByLabel('投诉内容').inputValue()).toBe(TEXT);
    expect(await form.getByLabel('受理时间（北京时间）').inputValue()).toBe('2026-03-02T09:05');
    await form.getByTestId('picker-chosen').getByText(COMPANY).waitFor();
    const keys = await manager.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.console.draft')));
    expect(keys).toEqual(['crm.console.draft:manager:/complaints/new|登记投诉']);
    await checkPage(manager, 'safety-02-draft-restored');
    // Back leaves the form (a hash change cannot be stopped); Forward brings it back with the draft
    await manager.goBack();
    await manager.waitForFunction(() => window.location.hash === '#/complaints');
    expect(await recordForm().count()).toBe(0);
    await manager.goForward();
    await recordForm().getByTestId('draft-restored').waitFor();
    expect(await recordForm().getByLabel('投诉内容').inputValue()).toBe(TEXT);
  });

  it('R-CMP-1: a session revoked on the server opens the sign-in dialog over the form; after signing in the submit goes through with the typed values', async () => {
    const revoked = await served.api.request('POST', '/users/manager/revoke-tokens', { token: await served.api.tokenFor('admin'), body: { reason: '安全检查' } });
    expect(revoked.status).toBe(200);
    const form = recordForm();
    await form.getByRole('button', { name: '登记', exact: true }).click();
    const dialog = manager.getByTestId('sign-in-dialog');
    await dialog.getByRole('heading', { name: '登录已过期，请重新登录' }).waitFor();
    expect(await form.getByLabel('投诉内容').inputValue()).toBe(TEXT); // the form stayed mounted under the dialog
    expect(await dialog.getByLabel('用户名').inputValue()).toBe('manager');
    await checkPage(manager, 'safety-03-sign-in-dialog');
    await dialog.getByLabel('密码').fill('wrong-password');
    await dialog.getByRole('button', { name: '登录并继续' }).click();
    await dialog.getByText('密码错误，请重试。').waitFor();
    await dialog.getByLabel('密码').fill('demo1234');
    await dialog.getByRole('button', { name: '登录并继续' }).click();
    await manager.getByTestId('complaint-state').getByText('待分类').waitFor();
    expect(await dialog.count()).toBe(0);
    const complaintId = decodeURIComponent(new URL(manager.url()).hash.split('/')[2]);
    const [recorded] = await served.api.store.readStream(`complaint-${complaintId}`);
    expect(recorded).toMatchObject({ type: 'ComplaintRecorded', data: { customerId: CUSTOMER, content: TEXT, receivedAt: '2026-03-02T09:05:00+08:00' }, metadata: { actor: 'manager' } });
    const keys = await manager.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.console.draft')));
    expect(keys).toEqual([]); // sent: the draft is gone
  });

  const drafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('crm.console.draft')));
  const HALF_TYPED = '第二个标签页里写了一半的投诉';

  it('a session ended on the server opens the sign-in dialog in every tab, over their mounted forms; one sign-in in any tab resumes them all, the draft kept', async () => {
    const second = await served.browser.context.newPage();
    second.setDefaultTimeout(15_000);
    await second.goto(url('/complaints'));
    await heading(second, '投诉').waitFor();
    await second.getByRole('button', { name: '+ 登记投诉' }).click();
    const typed = second.locator('form.command-form', { has: second.getByLabel('投诉内容') }).getByLabel('投诉内容');
    await typed.fill(HALF_TYPED);
    const revoke = async () => expect((await served.api.request('POST', '/users/manager/revoke-tokens', { token: await served.api.tokenFor('admin'), body: { reason: '安全检查' } })).status).toBe(200);

    // a call refused in the first tab: both tabs ask, the second without having called anything
    await revoke();
    await manager.getByRole('navigation').getByRole('link', { name: '工作日历' }).click();
    await manager.getByTestId('sign-in-dialog').waitFor();
    const dialog = second.getByTestId('sign-in-dialog');
    await dialog.getByRole('heading', { name: '登录已过期，请重新登录' }).waitFor();
    expect(await typed.inputValue()).toBe(HALF_TYPED); // not unmounted
    expect(await drafts(second)).toEqual(['crm.console.draft:manager:/complaints/new|登记投诉']); // an expiry keeps the draft
    await dialog.getByLabel('密码').fill('demo1234');
    await dialog.getByRole('button', { name: '登录并继续' }).click();
    await dialog.waitFor({ state: 'detached' });
    await manager.getByTestId('sign-in-dialog').waitFor({ state: 'detached' }); // the other tab's sign-in renewed this one's
    await heading(manager, '工作日历').waitFor(); // and the refused call went through
    expect(await typed.inputValue()).toBe(HALF_TYPED);

    // the start-up check of a reloaded tab is refused: that tab shows the sign-in page, the other the dialog
    await revoke();
    await manager.reload();
    await manager.getByText('登录已过期，请重新登录。').waitFor();
    await dialog.waitFor();
    expect(await typed.inputValue()).toBe(HALF_TYPED);
    await manager.getByLabel('用户名').fill('manager');
    await manager.getByLabel('密码').fill('demo1234');
    await manager.getByRole('button', { name: '登录', exact: true }).click();
    await heading(manager, '工作日历').waitFor(); // back where the reload was
    await dialog.waitFor({ state: 'detached' });
    expect(await typed.inputValue()).toBe(HALF_TYPED);
    await second.close(); // the draft stays for the next test's sign-out
  });

  it('a second tab of the same browser is already signed in; signing out there signs this tab out and revokes the token on the server', async () => {
    const second = await served.browser.context.newPage();
    second.setDefaultTimeout(15_000);
    await second.goto(url('/'));
    await heading(second, '您好，王经理').waitFor();
    const token = await second.evaluate(() => JSON.parse(localStorage.getItem('crm.console.session') ?? '{}').accessToken as string);
    expect((await served.api.request('GET', '/auth/me', { token })).status).toBe(200);
    expect(await drafts(second)).toHaveLength(1); // the half-typed complaint of the test before
    await second.getByRole('button', { name: '退出登录' }).click();
    await heading(second, '登录').waitFor();
    await heading(manager, '登录').waitFor(); // the first tab followed, without a reload
    expect((await served.api.request('GET', '/auth/me', { token })).status).toBe(401);
    // an explicit sign-out leaves nothing typed for the next person on this browser
    expect(await drafts(second)).toEqual([]);
    // and a sign-in in one tab is the other's too
    await second.getByLabel('用户名').fill('manager');
    await second.getByLabel('密码').fill('demo1234');
    await second.getByRole('button', { name: '登录', exact: true }).click();
    await heading(second, '您好，王经理').waitFor();
    await manager.getByRole('button', { name: '退出登录' }).waitFor();
    await second.goto(url('/complaints'));
    await second.getByRole('button', { name: '+ 登记投诉' }).click();
    const content = second.locator('form.command-form', { has: second.getByLabel('投诉内容') }).getByLabel('投诉内容');
    expect(await content.inputValue()).toBe('');
    expect(await second.getByTestId('draft-restored').count()).toBe(0);
    await second.close();
  });

  it('R-ONB-3: 驳回 asks for confirmation first; "not yet" sends nothing, confirming rejects', async () => {
    const token = await served.api.tokenFor('manager');
    expect((await served.api.request('POST', '/applications', { token, body: { applicationId: 'safe-rej', form: applicationForm(731) } })).status).toBe(201);
    expect((await served.api.request('POST', '/applications/safe-rej/submit', { token })).status).toBe(200);
    const sales = await served.signedInPage('sales'); // another person: a browser profile of their own
    await sales.goto(url('/inbox/safe-rej'));
    await sales.getByRole('heading', { level: 2, name: '开户申请 safe-rej' }).waitFor();
    await sales.getByLabel('意见', { exact: true }).fill('营业执照经营范围不含化工产品销售');
    const before = await served.api.store.headPosition();
    await sales.getByRole('button', { name: '驳回' }).click();
    const confirm = sales.getByTestId('confirm-dialog');
    await confirm.getByText(/驳回后.*不能撤回/).waitFor();
    await checkPage(sales, 'safety-04-reject-confirm');
    await confirm.getByRole('button', { name: '再想想' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await served.api.store.headPosition()).toBe(before);
    await sales.getByRole('button', { name: '驳回' }).click();
    await confirm.getByRole('button', { name: '驳回' }).click();
    await sales.getByTestId('inbox-notice').getByText(/已驳回/).waitFor();
    const events = await served.api.store.readStream('onboarding-safe-rej');
    expect(events.filter((e) => e.type === 'ApplicationRejected')).toHaveLength(1);
    await sales.close();
  });

  it('the application form picks its 客户经理 among the people holding that role, shown as 姓名（角色）', async () => {
    const page = await served.signedInPage('manager2');
    await page.goto(url('/new-application/new'));
    await page.getByRole('heading', { level: 2, name: '新建开户申请' }).waitFor();
    const chosen = page.getByTestId('picker-chosen');
    await chosen.getByText('赵经理（客户经理）').waitFor();
    await page.getByRole('button', { name: /更换/ }).click();
    await page.getByLabel('客户经理', { exact: true }).fill('经理');
    await page.getByRole('button', { name: '王经理（客户经理）' }).waitFor();
    expect(await page.getByRole('button', { name: /周总经理/ }).count()).toBe(0); // only customer managers are offered
    await page.close();
  });

  it('ONB-DUPLICATE: a submit refused after its draft was created says the draft holds the company and withdraws it; a duplicate refusal links to the application that blocks', async () => {
    const token = await served.api.tokenFor('manager2');
    expect((await served.api.request('POST', '/applications', { token, body: { applicationId: 'safe-blocker', form: applicationForm(741, 'manager2') } })).status).toBe(201);
    const page = await served.signedInPage('manager2');
    const fill = async (company: string, code: string, until: string) => {
      await page.goto(url('/new-application/new'));
      await page.getByRole('heading', { level: 2, name: '新建开户申请' }).waitFor();
      await fillApplication(page, company, code);
      await fillDocument(page, 1, { number: code, from: '2024-01-01', until });
      await page.getByRole('button', { name: '提交审批' }).click();
    };

    // the licence ran out before today: drafting succeeds, the submit is refused
    const company = '宁波北仑港盛塑化有限公司';
    await fill(company, creditCode(742), '2025-12-31');
    const kept = page.getByTestId('draft-kept');
    await kept.getByText(`「${company}」已保存为草稿，但没有提交`).waitFor();
    expect(await page.getByLabel('单位名称').inputValue()).toBe(company); // the typed form stays
    const mine = await served.api.request('GET', '/applications', { token });
    const draft = (mine.body as { items: Array<{ applicationId: string; companyName: string; status: string }> }).items.find((a) => a.companyName === company);
    expect(draft?.status).toBe('draft');
    await checkPage(page, 'safety-06-draft-kept');
    await kept.getByRole('button', { name: `撤回申请（${company}）` }).click();
    await kept.getByRole('button', { name: '确认撤回' }).click();
    await page.getByTestId('application-notice').getByText(`「${company}」的草稿已撤回`).waitFor();
    const events = await served.api.store.readStream(`onboarding-${draft?.applicationId}`);
    expect(events.map((e) => e.type)).toEqual(['ApplicationDrafted', 'ApplicationWithdrawn']);

    // the company of the manager's own open application: refused, with the way to it
    await fill('宁波测试741号化工有限公司', creditCode(741), '2030-12-31');
    const link = page.getByTestId('blocking-link').getByRole('link', { name: '查看占用这家公司的开户申请' });
    await link.waitFor();
    expect(await page.getByTestId('draft-kept').count()).toBe(0); // nothing was drafted this time
    page.once('dialog', (dialog: Dialog) => void dialog.accept()); // leaving the typed form asks first; its draft stays
    await link.click();
    await page.waitForFunction(() => window.location.hash === '#/new-application/safe-blocker');
    await page.getByLabel('单位名称').and(page.locator('[value="宁波测试741号化工有限公司"]')).waitFor();
    await page.close();
  });

  it('R-CMP-2: the special meeting names its attendees and 经办人 with person pickers; the command carries their user ids', async () => {
    const { id } = await recordAndClassify(served.api, await served.api.tokenFor('manager'), '2026-03-02T09:06:00+08:00', 'serious', CUSTOMER);
    const gm = await served.signedInPage('gm');
    await gm.goto(url(`/complaints/${encodeURIComponent(id)}`));
    const form = gm.locator('form.command-form', { has: gm.getByLabel('会议纪要') });
    await form.getByTestId('people-chosen').getByText('周总经理（总经理）').waitFor(); // the chair is in by default
    await form.getByLabel('参会人', { exact: true }).fill('孙');
    await form.getByRole('button', { name: '孙主管（主管领导）' }).click();
    await form.getByTestId('people-chosen').getByText('孙主管（主管领导）').waitFor();
    await form.getByLabel('经办人', { exact: true }).fill('王');
    await form.getByRole('button', { name: '王经理（客户经理）' }).click();
    await form.getByLabel('会议决定').fill('同意退换货并补偿运费');
    await form.getByLabel('会议纪要').fill('专题会讨论了熔指超标批次的处理。');
    await form.getByLabel('责任部门', { exact: true }).fill('销售部');
    await form.getByLabel('开会时间（北京时间）').fill('2026-03-02T09:08');
    await checkPage(gm, 'safety-05-meeting-people');
    await form.getByRole('button', { name: '记录专题会决定' }).click();
    await gm.getByTestId('complaint-state').waitFor();
    await form.waitFor({ state: 'detached' });
    const events = await served.api.store.readStream(`complaint-${id}`);
    expect(events.find((e) => e.type === 'SpecialMeetingHeld')).toMatchObject({ data: { attendees: ['gm', 'supervisor'], handler: 'manager' } });
    await gm.close();
  });
});
