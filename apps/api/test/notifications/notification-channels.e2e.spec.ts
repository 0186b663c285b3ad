import { caughtUp, deliverWebhooks, recordAndClassify } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { RobotReceiver } from './robot-receiver';
import { SmtpReceiver } from './smtp-receiver';
import { appendTaskNotice } from './task-notices';

jest.setTimeout(60_000);

const DINGTALK_SECRET = 'SEC0123456789abcdef0123456789abcdef';

/**
 * Group channels configured by administrators: a 企业微信 robot, a 钉钉 robot (加签) and a mailbox,
 * against a local HTTP receiver that checks each platform's JSON format and DingTalk's signature,
 * and a real SMTP receiver; plus R-ARC-2's plant offices and R-CMP-2's escalation to the GM.
 */
describeEachEngine('group channels and routing', (engine) => {
  let api: TestApi;
  let robots: RobotReceiver;
  let smtp: SmtpReceiver;
  let admin: string;
  const put = (path: string, body: unknown) => api.request('PUT', path, { token: admin, body });

  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    robots = new RobotReceiver(DINGTALK_SECRET);
    smtp = new SmtpReceiver();
    await Promise.all([robots.start(), smtp.start()]);
    api = await startTestApi({ engine, start: '2026-10-09T01:00:00.000Z', env: { SMTP_URL: smtp.url, SMTP_FROM: 'crm@example.cn' } });
    admin = await api.tokenFor('admin');
  });
  afterAll(async () => {
    await api.close();
    await Promise.all([robots.stop(), smtp.stop()]);
  });

  it('configuring a channel is refused with 422 naming the field when it is incomplete, and keys and secrets are never shown', async () => {
    expect((await put('/notification-settings/groups/supervisor/channels/wecom', {})).body).toMatchObject({ statusCode: 422, rule: 'NOTIFY-CHANNEL', field: 'url' });
    expect((await put('/notification-settings/groups/supervisor/channels/email', { url: `${robots.url}/x` })).body).toMatchObject({ rule: 'NOTIFY-CHANNEL', field: 'address' });
    expect((await put('/notification-settings/users/finance', { email: null, language: 'zh', channels: ['email'] })).body).toMatchObject({ rule: 'NOTIFY-EMAIL', field: 'email' });
    expect((await put('/notification-settings/groups/supervisor/channels/wecom', { url: `${robots.url}/cgi-bin/webhook/send?key=wecom-key-1` })).status).toBe(200);
    const dingtalk = await put('/notification-settings/groups/supervisor/channels/dingtalk', { url: `${robots.url}/robot/send?access_token=ding-token-1`, secret: DINGTALK_SECRET, format: 'text' });
    expect(dingtalk.body).toMatchObject({ signed: true, format: 'text' });
    const listed = await api.request('GET', '/notification-settings/groups', { token: admin });
    expect(listed.body.items).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toMatch(/wecom-key-1|ding-token-1|SEC0123/);
  });

  it('an escalation reaches the group robots: WeCom markdown and a DingTalk text message signed with 加签; a throttled attempt is retried, each attempt recorded', async () => {
    await openCustomer(api, archive('g-1', { name: '天津渤化塑料有限公司' }));
    await appendTaskNotice(api, 'TaskEscalated', { taskId: 't-1', notify: ['supervisor'], subject: { customerId: 'g-1', name: null } });
    robots.throttleNext = 1;
    const first = await deliverWebhooks(api, admin);
    expect(first.map((o: any) => [o.channel, o.delivered])).toEqual([['wecom', false], ['dingtalk', true]]);
    api.clock.advance(10_000);
    const second = await deliverWebhooks(api, admin);
    expect(second.map((o: any) => [o.channel, o.delivered])).toEqual([['wecom', true]]);
    expect(await deliverWebhooks(api, admin)).toEqual([]);

    const wecom = robots.received.filter((r) => r.platform === 'wecom');
    expect(wecom.map((r) => r.key)).toEqual(['wecom-key-1']); // the throttled one was answered before it was read
    expect(wecom[0].body.msgtype).toBe('markdown');
    expect(wecom[0].body.markdown.content).toContain('待办已升级：审批投诉处理方案');
    expect(wecom[0].body.markdown.content).toContain('天津渤化塑料有限公司');
    expect(wecom[0].body.markdown.content).toContain('(http://localhost:3000/#/complaints/c-1)');
    const [ding] = robots.received.filter((r) => r.platform === 'dingtalk');
    expect([ding.signatureValid, ding.body.msgtype]).toEqual([true, 'text']);
    expect(ding.body.text.content).toContain('截止时间（北京时间）：2026年10月10日 10:00');

    const id = second[0].deliveryId;
    const attempts = await api.request('GET', `/notifications/${encodeURIComponent(id)}/attempts`, { token: admin });
    expect(attempts.body.attempts.map((a: any) => [a.attempt, a.error])).toEqual([[1, 'errcode 45009: api freq out of limit'], [2, null]]);
    expect(JSON.stringify(attempts.body)).not.toContain('wecom-key-1');
  });

  it('a DingTalk robot whose secret does not match refuses, and the refusal is a failed attempt, not a delivery', async () => {
    await put('/notification-settings/groups/finance/channels/dingtalk', { url: `${robots.url}/robot/send?access_token=ding-token-2`, secret: 'SEC-not-the-robots-secret' });
    await appendTaskNotice(api, 'TaskReminded', { taskId: 't-2', notify: ['finance'] });
    const outcomes = await deliverWebhooks(api, admin);
    expect(outcomes.map((o: any) => [o.channel, o.delivered, o.error])).toEqual([['dingtalk', false, 'errcode 310000: sign not match']]);
  });

  it('R-CMP-2: a serious complaint escalated to the special meeting reaches the general manager (报请总经理召开专题会议)', async () => {
    const { id } = await recordAndClassify(api, await api.tokenFor('sales'), api.clock.now().toISOString(), 'serious', 'g-1');
    await caughtUp(api, 'notification_outbox');
    const gm = await api.request('GET', '/me/notifications', { token: await api.tokenFor('gm') });
    expect(gm.body.items.map((i: any) => [i.type, i.title, i.link, i.company])).toEqual([
      ['ComplaintEscalated', '严重投诉：报请总经理召开专题会议', `/complaints/${id}`, '天津渤化塑料有限公司'],
    ]);
    expect((await api.request('GET', '/me/notifications', { token: await api.tokenFor('supervisor') })).body.items.map((i: any) => i.type)).not.toContain('ComplaintEscalated');
  });

  it('R-ARC-2: an archive change reaches finance and the plant office of the warehouse the customer collects at (相应的驻厂办), one office each', async () => {
    expect((await put('/plant-offices/lz', { name: '兰州石化驻厂办', warehouses: ['兰州石化西固库'], regions: [] })).status).toBe(200);
    expect((await put('/plant-offices/ds', { name: '独山子石化驻厂办', warehouses: ['独山子库'], regions: ['华东'] })).status).toBe(200);
    await put('/notification-settings/groups/plant_office_lz/channels/email', { address: 'lz-office@example.cn' });
    await openCustomer(api, archive('arc-1', { name: '兰州新材料有限公司', region: '西北' }));
    const manager = await api.tokenFor('manager');
    const pickup = await api.request('POST', '/customers/arc-1/pickups', { token: manager, body: { pickupId: 'P-1', date: '2026-10-09', product: 'PP', tonnes: 30, warehouse: '兰州石化西固库' } });
    expect(pickup.status).toBe(200);
    const change = await api.request('POST', '/customers/arc-1/changes', { token: manager, body: { changes: { region: '华北' }, reason: '迁址' } });
    expect(change.status).toBe(200);
    await openCustomer(api, archive('arc-2', { region: '华东' })); // no pickup yet: its region's office
    await openCustomer(api, archive('arc-3', { region: '华南' })); // no office configured for it: visibly unrouted
    await caughtUp(api, 'notification_outbox');
    const auditor = await api.tokenFor('auditor');
    const outbox = (await api.request('GET', '/notifications?limit=500', { token: auditor })).body.items as any[];
    const recipientsOf = (stream: string, type: string) => outbox.filter((n) => n.streamId === stream && n.type === type).map((n) => n.recipient).sort();
    expect(recipientsOf('customer-arc-1', 'CustomerInformationChanged')).toEqual(['finance', 'plant_office_lz']);
    expect(recipientsOf('customer-arc-1', 'CustomerArchiveOpened')).toEqual(['finance', 'plant_offices']); // before its first pickup, no office of 西北
    expect(recipientsOf('customer-arc-2', 'CustomerArchiveOpened')).toEqual(['finance', 'plant_office_ds']);
    expect(recipientsOf('customer-arc-3', 'CustomerArchiveOpened')).toEqual(['finance', 'plant_offices']);
    const finance = await api.request('GET', '/me/notifications?limit=200', { token: await api.tokenFor('finance') });
    expect(finance.body.items.some((i: any) => i.type === 'CustomerInformationChanged' && i.company === '兰州新材料有限公司')).toBe(true);
    await deliverWebhooks(api, admin);
    expect(smtp.received.map((m) => [m.to, m.subject])).toEqual([[['lz-office@example.cn'], '[客户管理] 客户信息变更 — 兰州新材料有限公司']]);
  });
});
