import { caughtUp, deliverWebhooks, fireDueTimers } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';
import { RobotReceiver } from './robot-receiver';
import { SmtpReceiver } from './smtp-receiver';

jest.setTimeout(90_000);
const DAY = 86_400_000;

/**
 * Issue 15, done-when: the task engine and the notifications together, no hand-appended event.
 * An application waits at the sales step; its task's idle timer fires on the working-day calendar
 * (TaskReminded), and the reminder reaches the sales reviewers in the notification centre and, for
 * the one who chose e-mail, at a real SMTP receiver on loopback — once.
 */
describeEachEngine('a task left idle: its reminder reaches people (R-ONB-3, issue 15)', (engine) => {
  let api: TestApi;
  let as: Caller;
  let smtp: SmtpReceiver;
  let robots: RobotReceiver;

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    smtp = new SmtpReceiver();
    await smtp.start();
    robots = new RobotReceiver('dingtalk-secret-unused');
    await robots.start();
    api = await startTestApi({ engine, start: '2026-03-02T02:00:00.000Z', env: { SMTP_URL: smtp.url, SMTP_FROM: '客户管理系统 <crm@example.cn>' } });
    as = await onboardingCallers(api);
    const admin = await api.tokenFor('admin');
    const settings = { email: 'li@example.cn', language: 'zh', channels: ['in_app', 'email'] };
    expect((await api.request('PUT', '/notification-settings/users/sales', { token: admin, body: settings })).status).toBe(200);
    const wecom = { url: `${robots.url}/cgi-bin/webhook/send?key=sales-dept` };
    expect((await api.request('PUT', '/notification-settings/groups/sales_reviewer/channels/wecom', { token: admin, body: wecom })).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
    await robots?.stop();
  });

  it('the sales step idles past its reminder: TaskReminded fires from the timer, lands in the reviewers\' bell, in the mailbox of the one who chose e-mail and on the department\'s WeCom robot', async () => {
    expect((await as('manager', 'POST', '/applications', { applicationId: 'idle-1', form: applicationForm(91) })).status).toBe(201);
    const submitted = await as('manager', 'POST', '/applications/idle-1/submit');
    expect(submitted.status).toBe(200);
    // read your own write: the task list waits for the submission's position
    const tasks = await as('sales', 'GET', `/tasks?type=onboarding.sales&minPosition=${await api.store.headPosition()}`);
    expect(tasks.body.items.map((t: { instanceId: string }) => t.instanceId)).toContain('idle-1');

    api.clock.advance(10 * DAY); // well past any reminder policy in working days
    await fireDueTimers(api);
    await fireDueTimers(api);
    const stream = await api.store.readStream('onboarding-idle-1');
    const reminded = stream.filter((e) => e.type === 'TaskReminded');
    expect(reminded.length).toBeGreaterThanOrEqual(1);

    await caughtUp(api, 'notification_outbox');
    const inbox = await as('sales', 'GET', '/me/notifications');
    expect(inbox.body.items.some((n: { type: string }) => n.type === 'TaskReminded')).toBe(true);
    const theirs = await as('sales2', 'GET', '/me/notifications');
    expect(theirs.body.items.some((n: { type: string }) => n.type === 'TaskReminded')).toBe(true);

    await deliverWebhooks(api, await api.tokenFor('admin'));
    await deliverWebhooks(api, await api.tokenFor('admin'));
    const mails = smtp.received.filter((m) => m.to.includes('li@example.cn'));
    expect(mails.length).toBe(reminded.length);
    expect(mails[0].subject).toContain('待办提醒');
    // the sales department's 企业微信 group robot is told too, once per reminder
    const robotMessages = robots.received.filter((m) => m.platform === 'wecom' && m.key === 'sales-dept');
    expect(robotMessages.length).toBe(reminded.length);
    expect(JSON.stringify(robotMessages[0].body)).toContain('待办提醒');
  });
});
