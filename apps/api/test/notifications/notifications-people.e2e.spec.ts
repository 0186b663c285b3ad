import { SseClient } from '../complaints/sse-client';
import { caughtUp, deliverWebhooks } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { SmtpReceiver } from './smtp-receiver';
import { appendTaskNotice } from './task-notices';

jest.setTimeout(60_000);

const CONSOLE = 'https://crm.example.cn';

/**
 * Notifications that reach people, end to end over real HTTP, a real SMTP receiver on loopback and
 * the real store (SQLite file, then PostgreSQL): a hand-appended TaskReminded (the task engine's
 * shape) lands in its holder's notification centre, live on their stream, and in their mailbox,
 * once, in Chinese, naming the company, the step, the Beijing deadline and the console link.
 */
describeEachEngine('notifications to people', (engine) => {
  let api: TestApi;
  let smtp: SmtpReceiver;
  const tokens: Record<string, string> = {};
  const token = async (user: string) => (tokens[user] ??= await api.tokenFor(user));

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0'; // the test runs the delivery passes itself
    smtp = new SmtpReceiver();
    await smtp.start();
    api = await startTestApi({ engine, start: '2026-10-09T01:00:00.000Z', env: { SMTP_URL: smtp.url, SMTP_FROM: '客户管理系统 <crm@example.cn>', CONSOLE_URL: CONSOLE } });
    await openCustomer(api, archive('n-1', { name: '宁波甬兴塑业有限公司' }));
    const settings = { email: 'sun@example.cn', language: 'zh', channels: ['in_app', 'email'] };
    expect((await api.request('PUT', '/notification-settings/users/supervisor', { token: await token('admin'), body: settings })).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
    await smtp.stop();
  });

  it('a reminder reaches its holder in the notification centre, in Chinese, with the company, the step, the Beijing deadline and the link', async () => {
    const { eventId } = await appendTaskNotice(api, 'TaskReminded', { taskId: 't-1', notifyUsers: ['supervisor'], subject: { customerId: 'n-1', name: null } });
    await caughtUp(api, 'notification_outbox');
    const mine = await api.request('GET', '/me/notifications', { token: await token('supervisor') });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 1, unread: 1 });
    expect(mine.body.items[0]).toMatchObject({
      id: `${eventId}:@supervisor`, type: 'TaskReminded', read: false, title: '待办提醒：审批投诉处理方案', company: '宁波甬兴塑业有限公司',
      step: '审批投诉处理方案', deadline: '2026年10月10日 10:00', link: '/complaints/c-1', url: `${CONSOLE}/#/complaints/c-1`,
    });
    expect((await api.request('GET', '/me/notifications/unread-count', { token: await token('supervisor') })).body).toEqual({ unread: 1 });
  });

  it('R-KAM-2 style: nobody reads or marks another user’s notifications', async () => {
    const theirs = (await api.request('GET', '/me/notifications', { token: await token('supervisor') })).body.items[0].id as string;
    expect((await api.request('GET', '/me/notifications', { token: await token('gm') })).body.total).toBe(0);
    const marked = await api.request('POST', `/me/notifications/${encodeURIComponent(theirs)}/read`, { token: await token('gm'), body: {} });
    expect(marked.status).toBe(404);
    const outbox = await api.request('GET', '/notifications?addressee=supervisor', { token: await token('finance') });
    expect([outbox.status, outbox.body.rule]).toEqual([403, 'NOTIFICATION-ADDRESSEE']);
    expect((await api.request('GET', '/me/notifications/unread-count', { token: await token('supervisor') })).body).toEqual({ unread: 1 });
  });

  it('the e-mail arrives at the SMTP receiver once, retried after the server refused it, every attempt on record, not re-sent across a restart', async () => {
    smtp.failNext = 1;
    const first = await deliverWebhooks(api, await token('admin'));
    expect(first.map((o) => [o.deliveryId.endsWith(':@supervisor:email'), o.delivered])).toEqual([[true, false]]);
    expect(await deliverWebhooks(api, await token('admin'))).toEqual([]); // not due again before the back-off
    await api.restart();
    Object.keys(tokens).forEach((k) => delete tokens[k]);
    api.clock.advance(10_000);
    const second = await deliverWebhooks(api, await token('admin'));
    expect(second.map((o) => o.delivered)).toEqual([true]);
    expect(await deliverWebhooks(api, await token('admin'))).toEqual([]);
    expect(smtp.refused).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['sun@example.cn']);
    expect(mail.subject).toBe('[客户管理] 待办提醒：审批投诉处理方案 — 宁波甬兴塑业有限公司');
    expect(mail.text).toContain('截止时间（北京时间）：2026年10月10日 10:00');
    expect(mail.text).toContain(`${CONSOLE}/#/complaints/c-1`);
    expect(mail.html).toContain(`href="${CONSOLE}/#/complaints/c-1"`);
    const attempts = await api.request('GET', `/notifications/${encodeURIComponent(second[0].deliveryId)}/attempts`, { token: await token('admin') });
    expect(attempts.body.attempts.map((a: any) => [a.attempt, a.url, a.error === null])).toEqual([[1, 'mailto:sun@example.cn', false], [2, 'mailto:sun@example.cn', true]]);
  });

  it('in English for a user who prefers it; marking read and read-all move the unread count', async () => {
    expect((await api.request('PUT', '/me/notification-settings', { token: await token('supervisor'), body: { email: 'sun@example.cn', language: 'en' } })).status).toBe(200);
    await appendTaskNotice(api, 'TaskEscalated', { taskId: 't-2', notifyUsers: ['supervisor'], subject: { customerId: 'n-1', name: null } });
    await caughtUp(api, 'notification_outbox');
    const list = (await api.request('GET', '/me/notifications', { token: await token('supervisor') })).body;
    expect(list.items.map((i: any) => [i.type, i.read])).toEqual([['TaskEscalated', false], ['TaskReminded', false]]);
    expect(list.items[0]).toMatchObject({ title: 'Task escalated: 审批投诉处理方案', deadline: '10 Oct 2026, 10:00' });
    const read = await api.request('POST', `/me/notifications/${encodeURIComponent(list.items[1].id)}/read`, { token: await token('supervisor'), body: {} });
    expect(read.body).toMatchObject({ read: true, unread: 1 });
    const after = (await api.request('GET', '/me/notifications', { token: await token('supervisor') })).body;
    expect(after.items.map((i: any) => [i.type, i.read])).toEqual([['TaskEscalated', false], ['TaskReminded', true]]); // unread first
    await deliverWebhooks(api, await token('admin'));
    expect(smtp.received.at(-1)?.subject).toBe('[CRM] Task escalated: 审批投诉处理方案 — 宁波甬兴塑业有限公司');
    const all = await api.request('POST', '/me/notifications/read-all', { token: await token('supervisor'), body: {} });
    expect(all.body).toEqual({ marked: 1, unread: 0 });
  });

  it('live: a notification arrives on its addressee’s stream only, with EventSource’s ?access_token=', async () => {
    const mine = await SseClient.open(`${api.url}/me/notifications/stream?access_token=${await token('supervisor')}`);
    const theirs = await SseClient.open(`${api.url}/me/notifications/stream?access_token=${await token('gm')}`);
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    await appendTaskNotice(api, 'TaskReminded', { taskId: 't-3', title: '主持严重投诉专题会议', notifyUsers: ['supervisor'] });
    await appendTaskNotice(api, 'TaskReminded', { taskId: 't-4', title: '审批开户申请', notifyUsers: ['gm'] });
    const got = await mine.next((e) => e.event === 'Notification');
    expect(got.data).toMatchObject({ type: 'TaskReminded', title: 'Task reminder: 主持严重投诉专题会议', read: false });
    expect(got.id).toBe(String(got.data.position));
    // gm's first event is gm's own: the supervisor's, appended before it, never reached gm's stream
    expect((await theirs.next((e) => e.event === 'Notification')).data.title).toBe('待办提醒：审批开户申请');
    await mine.close();
    await theirs.close();
  });
});
