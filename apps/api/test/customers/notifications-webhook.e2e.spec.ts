import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotificationDeliverer } from '../../src/notifications/notification.deliverer';
import { NOTIFICATION_DELIVERER } from '../../src/notifications/notifications.tokens';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../src/notifications/webhook-signature';
import { startTestApi, type TestApi } from '../support/test-api';
import { archive, openCustomer } from './customer-fixtures';

jest.setTimeout(30_000);

const SECRET = 'finance-webhook-secret-0123456789';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver that fails the first delivery of each notification with 500, then accepts. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const id = req.headers[DELIVERY_HEADER];
      const answered = received.some((r) => r.headers[DELIVERY_HEADER] === id) ? 200 : 500;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/finance`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('R-ARC-2: the notification outbox and signed webhook delivery (real SQLite, real HTTP both ways)', () => {
  let api: TestApi;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let tokens: Record<string, string>;
  let deliverer: NotificationDeliverer;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0'; // the test runs the delivery passes itself
    api = await startTestApi('2026-03-31T02:00:00.000Z');
    receiver = await startReceiver();
    deliverer = api.app.get<NotificationDeliverer>(NOTIFICATION_DELIVERER);
    tokens = {};
    for (const user of ['manager', 'finance', 'admin', 'auditor']) tokens[user] = await api.tokenFor(user);
  });
  afterAll(async () => {
    await api.close();
    await receiver.close();
  });

  it('only an administrator registers a webhook, and its secret is never shown', async () => {
    expect((await api.request('PUT', '/webhooks/finance', { token: tokens.finance, body: { url: receiver.url, secret: SECRET } })).status).toBe(403);
    expect((await api.request('PUT', '/webhooks/finance', { token: tokens.admin, body: { url: 'ftp://x', secret: SECRET } })).status).toBe(400);
    const put = await api.request('PUT', '/webhooks/finance', { token: tokens.admin, body: { url: receiver.url, secret: SECRET } });
    expect(put.status).toBe(200);
    const list = await api.request('GET', '/webhooks', { token: tokens.admin });
    expect(list.body.items).toEqual([expect.objectContaining({ recipient: 'finance', url: receiver.url, source: 'registry' })]);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
  });

  it('an archive change lands in the outbox for finance and the plant offices', async () => {
    await openCustomer(api, archive('w-1'));
    const change = await api.request('POST', '/customers/w-1/changes', { token: tokens.manager, body: { changes: { region: '华北' }, reason: '迁址天津' } });
    expect(change.status).toBe(200);
    for (const recipient of ['finance', 'plant_offices']) {
      const res = await api.request('GET', `/notifications?recipient=${recipient}&minPosition=${change.body.position}`, { token: tokens.auditor });
      expect(res.status).toBe(200);
      expect(res.body.items.map((n: any) => n.type)).toEqual(['CustomerArchiveOpened', 'CustomerInformationChanged']);
      expect(res.body.items[1]).toMatchObject({ recipient, streamId: 'customer-w-1', data: { changes: { region: { before: '华东', after: '华北' } }, reason: '迁址天津' } });
    }
    expect((await api.request('GET', '/notifications', { token: tokens.manager })).status).toBe(403);
  });

  it('each outbox row carries its message as every channel renders it, in the language asked for (the console shows it, never the event type)', async () => {
    const zh = await api.request('GET', '/notifications?recipient=finance', { token: tokens.auditor });
    const en = await api.request('GET', '/notifications?recipient=finance&language=en', { token: tokens.auditor });
    const [opened, changed] = zh.body.items.map((n: any) => n.message);
    expect(opened).toEqual({ title: expect.stringMatching(/[\u4e00-\u9fff]/), company: '宁波甬兴塑业 w-1', deadline: null, link: '/customers/w-1' });
    expect(changed.title).not.toBe('CustomerInformationChanged');
    expect(en.body.items[1].message.title).toMatch(/^[\x20-\x7e’]+$/);
    expect(en.body.items[1].message.title).not.toBe(changed.title);
    expect((await api.request('GET', '/notifications?language=fr', { token: tokens.auditor })).status).toBe(400);
  });

  it('delivers each notification signed with HMAC-SHA256, retrying after a 500 with back-off and recording every attempt', async () => {
    const first = await deliverer.runDue();
    expect(first.map((o) => [o.statusCode, o.delivered])).toEqual([[500, false], [500, false]]);
    expect(await deliverer.runDue()).toEqual([]); // not due again until the back-off has passed
    api.clock.advance(10_000);
    const second = await deliverer.runDue();
    expect(second.map((o) => [o.statusCode, o.delivered])).toEqual([[200, true], [200, true]]);

    const changed = receiver.received.filter((r) => JSON.parse(r.body).type === 'CustomerInformationChanged');
    expect(changed.map((r) => r.answered)).toEqual([500, 200]);
    for (const r of changed) {
      expect(verifyWebhook(SECRET, String(r.headers[TIMESTAMP_HEADER]), r.body, String(r.headers[SIGNATURE_HEADER]))).toBe(true);
      expect(verifyWebhook('another-secret-entirely-0000', String(r.headers[TIMESTAMP_HEADER]), r.body, String(r.headers[SIGNATURE_HEADER]))).toBe(false);
    }
    const id = String(changed[0].headers[DELIVERY_HEADER]);
    expect(changed[1].headers[DELIVERY_HEADER]).toBe(id);
    const attempts = await api.request('GET', `/notifications/${encodeURIComponent(id)}/attempts`, { token: tokens.admin });
    expect(attempts.body.attempts.map((a: any) => [a.attempt, a.statusCode])).toEqual([[1, 500], [2, 200]]);
    // finance reads its own outbox, but status codes and receiver URLs stay with administrators
    const redacted = await api.request('GET', `/notifications/${encodeURIComponent(id)}/attempts`, { token: tokens.finance });
    expect(redacted.body.attempts.map((a: any) => [a.attempt, a.outcome, a.statusCode])).toEqual([[1, 'failed', undefined], [2, 'delivered', undefined]]);
    const list = await api.request('GET', '/notifications?recipient=finance', { token: tokens.finance });
    expect(list.body.items.map((n: any) => n.delivery.status)).toEqual(['delivered', 'delivered']);
    const offices = await api.request('GET', '/notifications?recipient=plant_offices', { token: tokens.finance });
    expect(offices.body.items.map((n: any) => n.delivery.status)).toEqual(['not_sent', 'not_sent']); // no endpoint configured
    expect(await deliverer.runDue()).toEqual([]); // delivered once, never again
  });
});
