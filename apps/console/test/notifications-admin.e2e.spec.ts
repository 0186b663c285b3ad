import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers */
import { caughtUp, deliverWebhooks, recordAndClassify } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
import { appendTaskNotice } from '../../api/test/notifications/task-notices';
import { applicationForm } from '../../api/test/support/onboarding.forms';
/* eslint-enable @nx/enforce-module-boundaries */
import { checkPage, showsNoIds } from './support/page-checks';
import { expectShownIn } from './support/shown-messages';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(180_000);

const START = '2026-10-09T01:00:00.000Z'; // Friday 9 October 2026, 09:00 in Beijing
const NINGBO = '宁波甬兴塑业有限公司';

/** A department's webhook receiver: the first delivery is answered 503, every later one 200. */
class FlakyReceiver {
  received = 0;
  url = '';
  private server: Server | null = null;
  async start() {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        this.received += 1;
        res.writeHead(this.received === 1 ? 503 : 200, { 'content-type': 'text/plain' }).end(this.received === 1 ? 'busy' : 'ok');
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  stop() {
    return new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * Issue 16: the notification and operations operations that had no screen, walked in the browser:
 * a person's own notifications (the full list behind the bell, read and unread, opening the task)
 * and settings; the administrator's delivery attempts, removing a webhook and a group channel after
 * a confirmation, the read models' status and a rebuild; the auditor's what-if replay (R-CMP-3);
 * the complaint policy in force. Every step is read back through the API.
 */
(browserTestsRun('notifications and administration browser tests') ? describe : describe.skip)('notifications, settings and administration in the console (issue 16)', () => {
  let served: ServedConsole;
  let receiver: FlakyReceiver;

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0'; // the spec runs the delivery passes itself
    receiver = new FlakyReceiver();
    await receiver.start();
    served = await startServedConsole(START);
    await openCustomer(served.api, archive('cust-na-1', { name: NINGBO }));
    await caughtUp(served.api, 'customers');
    // the sales department's webhook, and a robot for finance the administrator will remove
    expect((await served.as('admin', 'PUT', '/webhooks/sales', { url: `${receiver.url}/hook`, secret: 'a-shared-secret-of-16+' })).status).toBe(200);
    expect((await served.as('admin', 'PUT', '/notification-settings/groups/finance/channels/wecom', { url: `${receiver.url}/cgi-bin/webhook/send?key=wecom-key-1` })).status).toBe(200);
    // the sales department is told of an escalation: its webhook refuses once, then takes it
    await appendTaskNotice(served.api, 'TaskEscalated', { taskId: 'na-t0', notify: ['sales'], subject: { customerId: 'cust-na-1', name: null } });
    const admin = await served.api.tokenFor('admin');
    expect((await deliverWebhooks(served.api, admin)).map((o) => o.delivered)).toEqual([false]);
    served.api.clock.advance(60_000);
    expect((await deliverWebhooks(served.api, admin)).map((o) => o.delivered)).toEqual([true]);
    // the supervisor's own: a reminder and an escalation
    await appendTaskNotice(served.api, 'TaskReminded', { taskId: 'na-t1', notifyUsers: ['supervisor'], subject: { customerId: 'cust-na-1', name: null } });
    await appendTaskNotice(served.api, 'TaskEscalated', { taskId: 'na-t2', notifyUsers: ['supervisor'], subject: { customerId: 'cust-na-1', name: null } });
    await caughtUp(served.api, 'notification_outbox');
  }, 240_000);
  afterAll(async () => {
    const stopped = await Promise.allSettled([served?.close(), receiver?.stop()]);
    for (const s of stopped) if (s.status === 'rejected') throw s.reason;
  });
  afterEach(() => served.closeTabs());

  it('a person reads every notification: the unread count is the bell’s, one is marked read, another opens its task', async () => {
    const unreadAtApi = async () => (await served.as('supervisor', 'GET', '/me/notifications/unread-count')).body.unread as number;
    const before = await unreadAtApi();
    expect(before).toBeGreaterThanOrEqual(2);
    const supervisor = await served.tab('supervisor');
    await supervisor.getByTestId('bell').click();
    await supervisor.getByTestId('bell-all').click();
    await supervisor.waitForURL(/#\/notifications$/);
    const list = supervisor.getByTestId('my-notifications');
    await list.getByTestId('unread-count').getByText(`${before} 条未读`).waitFor();
    const reminder = list.locator('tr', { hasText: '待办提醒：审批投诉处理方案' });
    expect(await reminder.getAttribute('data-read')).toBe('no');
    expect(await reminder.textContent()).toContain(NINGBO);
    expect(await reminder.textContent()).toContain('2026年10月10日 10:00');
    await reminder.getByRole('button', { name: '标为已读' }).click();
    await supervisor.getByText('已标为已读。').waitFor();
    await list.getByTestId('unread-count').getByText(`${before - 1} 条未读`).waitFor();
    await supervisor.getByTestId('bell-count').getByText(String(before - 1), { exact: true }).waitFor(); // the bell follows
    expect(await reminder.getAttribute('data-read')).toBe('yes');
    expect(await unreadAtApi()).toBe(before - 1);

    await list.getByLabel('只看未读').check();
    await list.locator('tr', { hasText: '待办已升级：审批投诉处理方案' }).first().waitFor();
    // the list is read again with the filter: the read rows go once its answer lands
    await list.locator('tr[data-read="yes"]').first().waitFor({ state: 'detached' });
    expect(await list.locator('tr[data-read="yes"]').count()).toBe(0);
    await checkPage(supervisor, 'notifications-admin-01-mine');
    await showsNoIds(supervisor, 'cust-na-1', 'TaskReminded', 'supervisor');
    await expectShownIn(supervisor, 'zh');

    await list.locator('tr', { hasText: '待办已升级：审批投诉处理方案' }).first().getByRole('button', { name: /^打开：/ }).click();
    await supervisor.waitForURL(/#\/complaints\/c-1$/);
    expect(await unreadAtApi()).toBe(before - 2);
  });

  it('a person sets their own e-mail address and language (the API’s e-mail rule checked in the browser, in Chinese and then English); the channels stay the administrator’s', async () => {
    const supervisor = await served.tab('supervisor');
    await supervisor.goto(served.url('/notifications'));
    const card = supervisor.getByTestId('my-settings');
    expect(await card.getByTestId('my-channels').textContent()).toContain('系统内通知');
    const form = card.getByRole('form', { name: '修改邮箱与通知语言' });
    await form.getByLabel('邮箱地址（可选）').fill('sun@');
    await form.getByRole('button', { name: '保存设置' }).click();
    await form.locator('.field-error', { hasText: '请填写电子邮件地址' }).waitFor();
    expect((await served.as('supervisor', 'GET', '/me/notification-settings')).body.email).toBeNull(); // nothing sent
    await form.getByLabel('邮箱地址（可选）').fill('sun@example.cn');
    await form.getByLabel('通知语言').selectOption({ label: '英文' });
    await form.getByRole('button', { name: '保存设置' }).click();
    await form.getByText('通知设置已保存。').waitFor();
    await checkPage(supervisor, 'notifications-admin-02-settings');
    await expectShownIn(supervisor, 'zh', ['sun@']);
    expect((await served.as('supervisor', 'GET', '/me/notification-settings')).body).toMatchObject({ username: 'supervisor', email: 'sun@example.cn', language: 'en', channels: ['in_app'] });

    // in English: clearing the address stops the mail (PUT with email null)
    await supervisor.getByRole('button', { name: '切换语言为英文' }).click();
    const en = supervisor.getByRole('form', { name: 'Change e-mail and language' });
    await en.getByLabel('E-mail address (optional)').fill('');
    await en.getByRole('button', { name: 'Save settings' }).click();
    await en.getByText('Notification settings saved.').waitFor();
    await supervisor.getByTestId('my-notifications').getByText(/^(\d+ unread|Nothing unread)$/).waitFor();
    await expectShownIn(supervisor, 'en');
    expect((await served.as('supervisor', 'GET', '/me/notification-settings')).body).toMatchObject({ email: null, language: 'en' });
  });

  it('the administrator sees a department notification’s delivery attempts: the refused one and the one that got through', async () => {
    const admin = await served.tab('admin');
    await admin.goto(served.url('/notifications'));
    const row = admin.getByTestId('outbox-table').locator('tr[data-recipient="sales"]', { hasText: '待办已升级：审批投诉处理方案' });
    await row.waitFor();
    expect(await row.textContent()).toContain('销售部');
    expect(await row.textContent()).toContain(NINGBO);
    expect(await row.textContent()).toContain('已送达');
    await row.getByRole('button', { name: /^查看投递记录：/ }).click();
    const attempts = admin.getByTestId('attempts-table');
    await attempts.locator('tr[data-attempt="2"]').waitFor();
    expect(await attempts.locator('tr[data-attempt="1"]').textContent()).toMatch(/第 1 次.*失败.*503/);
    expect(await attempts.locator('tr[data-attempt="2"]').textContent()).toMatch(/第 2 次.*成功/);
    await checkPage(admin, 'notifications-admin-03-attempts');
    await showsNoIds(admin, 'cust-na-1', 'TaskEscalated', 'sales_reviewer', 'plant_offices');
    await expectShownIn(admin, 'zh');
    const id = await row.getAttribute('data-notification');
    const stored = (await served.as('admin', 'GET', `/notifications/${encodeURIComponent(id ?? '')}/attempts`)).body.attempts;
    expect(stored.map((a: { attempt: number; statusCode: number | null }) => [a.attempt, a.statusCode])).toEqual([[1, 503], [2, 200]]);
  });

  it('the administrator removes the sales webhook and the finance robot, each only after a confirmation naming it', async () => {
    const admin = await served.tab('admin');
    await admin.goto(served.url('/channels'));
    const hook = admin.getByTestId('webhooks-table').locator('tr[data-recipient="sales"]');
    await hook.getByRole('button', { name: '停用' }).click();
    const confirmHook = admin.getByTestId('webhooks').getByTestId('confirm-step');
    expect(await confirmHook.textContent()).toContain('确认停用销售部的 Webhook');
    expect((await served.as('admin', 'GET', '/webhooks')).body.items.some((w: { recipient: string }) => w.recipient === 'sales')).toBe(true); // nothing sent yet
    await confirmHook.getByRole('button', { name: '确认停用' }).click();
    await admin.getByTestId('webhooks').getByText('已停用。').waitFor();
    await hook.waitFor({ state: 'detached' });
    expect((await served.as('admin', 'GET', '/webhooks')).body.items.some((w: { recipient: string }) => w.recipient === 'sales')).toBe(false);

    const robot = admin.getByTestId('group-channels-table').locator('tr[data-recipient="finance"][data-channel="wecom"]');
    await robot.getByRole('button', { name: '停用' }).click();
    const confirmRobot = admin.getByTestId('group-channels').getByTestId('confirm-step');
    expect(await confirmRobot.textContent()).toContain('确认停用财务部的企业微信机器人');
    expect((await served.as('admin', 'GET', '/notification-settings/groups')).body.items).toHaveLength(1);
    await confirmRobot.getByRole('button', { name: '确认停用' }).click();
    await admin.getByTestId('group-channels').getByText('尚未登记机器人或邮箱。').waitFor();
    await checkPage(admin, 'notifications-admin-04-channels');
    await expectShownIn(admin, 'zh');
    expect((await served.as('admin', 'GET', '/notification-settings/groups')).body.items).toEqual([]);
  });

  it('the administrator reads every read model’s position against the log, in words, and rebuilds the customer archives after a confirmation', async () => {
    const overview = (await served.as('admin', 'GET', '/admin/projections')).body;
    const admin = await served.tab('admin');
    await admin.goto(served.url('/projections'));
    const table = admin.getByTestId('projections-table');
    await table.locator('tr[data-projection="customers"]').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(overview.projections.length);
    expect(await table.getByText(/其他视图/).count()).toBe(0); // every read model the API runs has its name in words
    const customers = table.locator('tr[data-projection="customers"]');
    expect(await customers.textContent()).toContain('客户档案');
    expect(await customers.textContent()).toMatch(/第 \d+ 条 \/ 共 \d+ 条/);
    await customers.getByRole('button', { name: '重建 客户档案' }).click();
    const confirm = admin.getByTestId('confirm-step');
    expect(await confirm.textContent()).toContain('确认从头重建“客户档案”');
    expect((await served.as('admin', 'GET', '/admin/projections')).body.projections.find((p: { name: string }) => p.name === 'customers').rebuild).toBeNull();
    await confirm.getByRole('button', { name: '确认重建' }).click();
    await admin.getByText('已开始重建“客户档案”。').waitFor();
    await customers.getByText(/完成，\d+ 条事件/).waitFor();
    await checkPage(admin, 'notifications-admin-05-projections');
    await showsNoIds(admin, 'customer_documents', 'notification_outbox');
    await expectShownIn(admin, 'zh');
    const rebuilt = (await served.as('admin', 'GET', '/admin/projections')).body.projections.find((p: { name: string }) => p.name === 'customers').rebuild;
    expect(rebuilt).toMatchObject({ error: null, finishedAt: expect.any(String) });
    expect(rebuilt.position).toBe(rebuilt.target);
  });

  it('R-CMP-3: the auditor replays October’s closed complaint under a one-day major deadline: it would have been late', async () => {
    // a major complaint received Friday 08:30, the customer told on Monday 12 October 10:00, closed
    const manager = await served.api.tokenFor('manager');
    const { id } = await recordAndClassify(served.api, manager, '2026-10-09T08:30:00+08:00', 'major', 'cust-na-1');
    expect((await served.as('manager', 'POST', `/complaints/${id}/resolution`, { department: '销售部', text: '更换批次。', handler: 'manager' })).status).toBe(200);
    expect((await served.as('supervisor', 'POST', `/complaints/${id}/resolution/approve`, { comment: '同意' })).status).toBe(200);
    served.api.clock.set('2026-10-12T02:00:00.000Z');
    expect((await served.as('manager', 'POST', `/complaints/${id}/notify-customer`, { channel: 'phone', message: '已安排更换批次。' })).status).toBe(200);
    expect((await served.as('manager', 'POST', `/complaints/${id}/close`, { notes: '无' })).status).toBe(200);

    const auditor = await served.tab('auditor');
    await auditor.goto(served.url('/audit'));
    const form = auditor.getByRole('form', { name: '假设复核：换一种方案或日历' });
    expect(await form.getByLabel('较大事件投诉（工作日）').inputValue()).toBe('3'); // the policy in force, prefilled
    await form.getByLabel('结案起始日（北京时间）').fill('2026-10-31');
    await form.getByLabel('结案截止日（北京时间）').fill('2026-10-01');
    await form.getByLabel('较大事件投诉（工作日）').fill('5');
    await form.getByRole('button', { name: '开始复核' }).click();
    await form.locator('.field-error', { hasText: '截止日不能早于起始日' }).waitFor();
    await form.locator('.field-error', { hasText: '较大事件投诉不超过 3 个工作日（R-CMP-3）' }).waitFor();
    await form.getByLabel('结案起始日（北京时间）').fill('2026-10-01');
    await form.getByLabel('结案截止日（北京时间）').fill('2026-10-31');
    await form.getByLabel('较大事件投诉（工作日）').fill('1');
    await form.getByRole('button', { name: '开始复核' }).click();
    await form.getByText('复核 1 件已结案投诉：期限改变 1 件，逾期与否改变 1 件（变为逾期 1 件，不再逾期 0 件）。').waitFor();
    const row = auditor.getByTestId('what-if-table').locator(`tr[data-complaint="${id}"]`);
    expect(await row.getAttribute('data-late-changed')).toBe('yes');
    expect(await row.textContent()).toContain('较大事件投诉');
    expect(await row.textContent()).toContain('2026-10-12 10:00');
    expect(await row.locator('td[data-late]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-late')))).toEqual(['no', 'yes']);
    await checkPage(auditor, 'notifications-admin-06-what-if');
    await showsNoIds(auditor, id, 'cust-na-1');
    await expectShownIn(auditor, 'zh');
    const policy = (await served.as('auditor', 'GET', '/complaint-policies/current')).body.policy;
    const replay = await served.as('auditor', 'POST', '/audit/what-if', { from: '2026-10-01T00:00:00+08:00', to: '2026-10-31T23:59:59+08:00', policy: { ...policy, version: 'x', deadlines: { general: 1, major: 1 } } });
    expect(replay.body.summary).toEqual({ examined: 1, dueChanged: 1, lateChanged: 1, newlyLate: 1, noLongerLate: 0 });
  });

  it('ONB-SOD/ONB-SELF: on an application, the onboarding inbox tells the sales reviewer how long the step has waited, and the general manager that it is not theirs', async () => {
    const manager = await served.api.tokenFor('manager');
    expect((await served.api.request('POST', '/applications', { token: manager, body: { applicationId: 'app-na-1', form: applicationForm(72) } })).status).toBe(201);
    expect((await served.api.request('POST', '/applications/app-na-1/submit', { token: manager })).status).toBe(200);
    const inbox = (await served.as('sales', 'GET', '/inbox')).body.items.find((i: { applicationId: string }) => i.applicationId === 'app-na-1');
    const sales = await served.tab('sales');
    await sales.goto(served.url('/inbox/app-na-1'));
    await sales.getByTestId('step-standing').getByText(`本步骤已等待 ${inbox.waitingWorkingDays} 个工作日（第 ${inbox.round} 轮审核）。`).waitFor();
    await checkPage(sales, 'notifications-admin-08-standing');
    await expectShownIn(sales, 'zh');
    const gm = await served.tab('gm');
    await gm.goto(served.url('/inbox/app-na-1'));
    await gm.getByTestId('step-standing').getByText(/^此步骤不在您可审批的范围内/).waitFor();
    expect((await served.as('gm', 'GET', '/inbox')).body.items.some((i: { applicationId: string }) => i.applicationId === 'app-na-1')).toBe(false);
  });

  it('the complaint policy page shows the version in force, as the API answers it', async () => {
    const current = (await served.as('gm', 'GET', '/complaint-policies/current')).body;
    const gm = await served.tab('gm');
    await gm.goto(served.url('/complaint-policy'));
    const view = gm.getByTestId('policy-current');
    await view.getByRole('heading', { name: `现行方案：${current.policy.version}` }).waitFor();
    expect(await view.textContent()).toContain(`${current.policy.deadlines.major} 个工作日`);
    await checkPage(gm, 'notifications-admin-07-policy');
    await expectShownIn(gm, 'zh');
  });
});
