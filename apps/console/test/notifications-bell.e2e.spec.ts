import type { Page } from 'playwright-core';
/* eslint-disable @nx/enforce-module-boundaries -- the real API's own test helpers and local receivers */
import { deliverWebhooks } from '../../api/test/complaints/complaint-support';
import { archive, openCustomer } from '../../api/test/customers/customer-fixtures';
import { SmtpReceiver } from '../../api/test/notifications/smtp-receiver';
import { appendTaskNotice } from '../../api/test/notifications/task-notices';
/* eslint-enable @nx/enforce-module-boundaries */
import { checkPage } from './support/page-checks';
import { browserTestsRun, startServedConsole, type ServedConsole } from './support/served-console';

jest.setTimeout(60_000);

const START = '2026-10-09T01:00:00.000Z'; // Friday 9 October 2026, 09:00 in Beijing

(browserTestsRun('notification bell browser tests') ? describe : describe.skip)('the notification bell in Chromium against the real API and a local SMTP receiver', () => {
  let served: ServedConsole;
  let smtp: SmtpReceiver;
  let supervisor: Page;

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0'; // the test runs the delivery pass itself
    smtp = new SmtpReceiver();
    await smtp.start();
    served = await startServedConsole(START, { env: { SMTP_URL: smtp.url, SMTP_FROM: '客户管理系统 <crm@example.cn>', CONSOLE_URL: 'https://crm.example.cn' } });
    await openCustomer(served.api, archive('bell-1', { name: '宁波甬兴塑业有限公司' }));
    const admin = await served.api.tokenFor('admin');
    const settings = await served.api.request('PUT', '/notification-settings/users/supervisor', { token: admin, body: { email: 'sun@example.cn', language: 'zh', channels: ['in_app', 'email'] } });
    expect(settings.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    const stopped = await Promise.allSettled([served?.close(), smtp?.stop()]); // both, whichever fails
    for (const s of stopped) if (s.status === 'rejected') throw s.reason;
  });

  it('a reminder appears in the bell live, without a reload, in Chinese with the company and the Beijing deadline', async () => {
    supervisor = await served.signedInPage('supervisor');
    await supervisor.locator('.bell[data-stream="open"]').waitFor();
    expect(await supervisor.getByTestId('bell-count').count()).toBe(0);
    await supervisor.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await appendTaskNotice(served.api, 'TaskReminded', { taskId: 'bell-t1', notifyUsers: ['supervisor'], subject: { customerId: 'bell-1', name: null } });
    await supervisor.getByTestId('bell-count').getByText('1', { exact: true }).waitFor();
    expect(await supervisor.getByTestId('bell').getAttribute('aria-label')).toBe('通知，1 条未读');
    await supervisor.getByTestId('bell').click();
    const item = supervisor.locator('.bell-item-unread');
    await item.getByText('待办提醒：审批投诉处理方案').waitFor();
    expect(await item.textContent()).toContain('宁波甬兴塑业有限公司');
    expect(await item.textContent()).toContain('截止 2026年10月10日 10:00');
    expect(await supervisor.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await checkPage(supervisor, 'notifications-01-bell');
  });

  it('clicking it marks it read and opens the linked page', async () => {
    await supervisor.locator('.bell-item-button').first().click();
    await supervisor.waitForURL(/#\/complaints\/c-1$/);
    await supervisor.getByTestId('bell-count').waitFor({ state: 'detached' });
    const unread = await served.api.request('GET', '/me/notifications/unread-count', { token: await served.api.tokenFor('supervisor') });
    expect(unread.body).toEqual({ unread: 0 });
  });

  it('the same reminder arrives at the local SMTP receiver, in Chinese, with the console link', async () => {
    const outcomes = await deliverWebhooks(served.api, await served.api.tokenFor('admin'));
    expect(outcomes.map((o) => o.delivered)).toEqual([true]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ to: ['sun@example.cn'], subject: '[客户管理] 待办提醒：审批投诉处理方案 — 宁波甬兴塑业有限公司' });
    expect(smtp.received[0].text).toContain('https://crm.example.cn/#/complaints/c-1');
  });
});
