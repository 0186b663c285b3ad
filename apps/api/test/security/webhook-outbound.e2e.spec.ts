import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhooks } from '../complaints/complaint-support';
import { archive, openCustomer } from '../customers/customer-fixtures';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(30_000);

const SECRET = 'outbound-webhook-secret-0123456789';

interface Receiver {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void, path = '/hook'): Promise<Receiver> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const accepting = () => receiver((_req, res) => void res.writeHead(204).end());

describe('WEBHOOK-DESTINATION: without WEBHOOK_ALLOW_PRIVATE_HOSTS (the production default) loopback is never reached', () => {
  let api: TestApi;
  let target: Receiver;
  let admin: string;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    api = await startTestApi({ webhookHosts: 'none' });
    target = await accepting();
    admin = await api.tokenFor('admin');
  });
  afterAll(async () => {
    delete process.env.WEBHOOK_URL_FINANCE;
    delete process.env.WEBHOOK_SECRET_FINANCE;
    await api.close();
    await target.close();
  });

  it.each(['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]/x', 'http://10.0.0.7/x', 'http://169.254.169.254/latest', 'http://[::ffff:192.168.1.1]/x'])(
    'registering %s is refused with 422 naming the url field',
    async (url) => {
      const res = await api.request('PUT', '/webhooks/finance', { token: admin, body: { url, secret: SECRET } });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, rule: 'WEBHOOK-DESTINATION', field: 'url' });
    },
  );

  it('a loopback URL from the environment is refused at send time and recorded as a failed attempt with the reason', async () => {
    process.env.WEBHOOK_URL_FINANCE = target.url;
    process.env.WEBHOOK_SECRET_FINANCE = SECRET;
    await openCustomer(api, archive('wo-1'));
    const outcomes = await deliverWebhooks(api, admin);
    expect(outcomes).toEqual([expect.objectContaining({ delivered: false, statusCode: null, error: expect.stringMatching(/^refused: 127\.0\.0\.1 .*loopback/) })]);
    expect(target.hits).toEqual([]);
    const attempts = await api.request('GET', `/notifications/${encodeURIComponent(outcomes[0].deliveryId)}/attempts`, { token: admin });
    expect(attempts.body.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: null, error: expect.stringContaining('WEBHOOK_ALLOW_PRIVATE_HOSTS') })]);
  });
});

describe('webhooks with WEBHOOK_ALLOW_PRIVATE_HOSTS=loopback (tests only): no redirects, attempts redacted for non-administrators', () => {
  let api: TestApi;
  let final: Receiver;
  let redirecting: Receiver;
  let tokens: Record<string, string>;
  let deliveryId: string;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0';
    api = await startTestApi();
    final = await accepting();
    redirecting = await receiver((_req, res) => void res.writeHead(307, { location: final.url }).end());
    tokens = {};
    for (const user of ['admin', 'finance', 'auditor']) tokens[user] = await api.tokenFor(user);
  });
  afterAll(async () => {
    await api.close();
    await redirecting.close();
    await final.close();
  });

  it('a receiver answering 307 is a failed attempt and the redirect target is never called', async () => {
    expect((await api.request('PUT', '/webhooks/finance', { token: tokens.admin, body: { url: redirecting.url, secret: SECRET } })).status).toBe(200);
    await openCustomer(api, archive('wo-2'));
    const outcomes = await deliverWebhooks(api, tokens.admin);
    expect(outcomes).toEqual([expect.objectContaining({ delivered: false, statusCode: 307, error: 'HTTP 307: redirects are not followed' })]);
    expect(redirecting.hits).toEqual(['/hook']);
    expect(final.hits).toEqual([]);
    deliveryId = outcomes[0].deliveryId;
  });

  it('an administrator sees the full attempt: URL, status code and error', async () => {
    const res = await api.request('GET', `/notifications/${encodeURIComponent(deliveryId)}/attempts`, { token: tokens.admin });
    expect(res.body.attempts).toEqual([{ attempt: 1, attemptedAt: expect.any(String), url: redirecting.url, statusCode: 307, error: 'HTTP 307: redirects are not followed' }]);
  });

  it.each(['finance', 'auditor'])('%s sees only when and whether each attempt got through, in attempts and in the outbox list', async (user) => {
    const res = await api.request('GET', `/notifications/${encodeURIComponent(deliveryId)}/attempts`, { token: tokens[user] });
    expect(res.body.attempts).toEqual([{ attempt: 1, attemptedAt: expect.any(String), outcome: 'failed' }]);
    const list = await api.request('GET', '/notifications?recipient=finance', { token: tokens[user] });
    expect(list.body.items[0].delivery).toEqual(expect.objectContaining({ status: 'pending', attempts: 1 }));
    for (const body of [JSON.stringify(res.body), JSON.stringify(list.body)]) {
      for (const secret of ['127.0.0.1', 'HTTP 307', 'statusCode', 'lastError', '"url"']) expect(body).not.toContain(secret);
    }
  });
});
