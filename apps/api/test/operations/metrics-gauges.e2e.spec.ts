import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { caughtUp, deliverWebhooks, fireDueTimers, recordAndClassify } from '../complaints/complaint-support';
import { SseClient } from '../complaints/sse-client';
import { describeEachEngine } from '../support/each-engine';
import { scrape, type Scrape } from '../support/prometheus-scrape';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const SCRAPE_TOKEN = 'scrape-token-for-the-test-0123456789abcdef';
const MINUTE = 60_000;

/** A loopback port nothing listens on: a webhook sent there fails at once (connection refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeEachEngine('GET /metrics: SLA alerts by class, timers, the outbox and SSE clients', (engine) => {
  let api: TestApi;
  const pollMs = process.env.WEBHOOK_POLL_MS;
  beforeAll(async () => {
    process.env.WEBHOOK_POLL_MS = '0'; // the test runs the delivery pass itself
    api = await startTestApi({ start: '2026-09-30T02:00:00.000Z', engine, env: { METRICS_TOKEN: SCRAPE_TOKEN }, transport: { sseHeartbeatMs: 30 * 60_000 } });
  });
  afterAll(async () => {
    await api?.close();
    if (pollMs === undefined) delete process.env.WEBHOOK_POLL_MS;
    else process.env.WEBHOOK_POLL_MS = pollMs;
  });

  /** Scrapes until `done` holds: the stream's close reaches the server after the client let go. */
  const scrapeUntil = async (done: (s: Scrape) => boolean, attempts = 50): Promise<Scrape> => {
    let last = await scrape(api, SCRAPE_TOKEN);
    for (let i = 1; i < attempts && !done(last); i++) last = await scrape(api, SCRAPE_TOKEN);
    return last;
  };

  it('R-CMP-3: a major complaint’s warning is counted by class, its timer’s lateness observed, the breach timer pending; a failed webhook is a failed attempt and backlog; an open stream is a client', async () => {
    const admin = await api.tokenFor('admin');
    expect((await api.request('PUT', '/webhooks/supervisor', { token: admin, body: { url: `http://127.0.0.1:${await closedPort()}/hook`, secret: 'sla-webhook-secret-0123456789' } })).status).toBe(200);
    const { id } = await recordAndClassify(api, await api.tokenFor('manager'), '2026-09-30T10:00:00+08:00', 'major');
    const warnAt = Date.parse((await api.request('GET', `/complaints/${id}`, { token: await api.tokenFor('supervisor') })).body.sla.warnAt);

    const stream = await SseClient.open(`${api.url}/sla/alerts/stream?access_token=${encodeURIComponent(await api.tokenFor('supervisor'))}`);
    expect(stream.status).toBe(200);
    expect((await scrape(api, SCRAPE_TOKEN)).total('crm_sse_clients', { stream: 'alert' })).toBe(1);

    api.clock.set(new Date(warnAt + MINUTE));
    await fireDueTimers(api);
    await stream.next((e) => e.event === 'ComplaintSlaWarned');
    await caughtUp(api, 'sla_alerts', 'timers');
    const outcomes = await deliverWebhooks(api, await api.tokenFor('admin')); // the clock moved days: sign in again
    expect(outcomes.some((o) => !o.delivered)).toBe(true);

    const scraped = await scrape(api, SCRAPE_TOKEN);
    expect(scraped.total('crm_sla_alerts', { kind: 'warning', class: 'major' })).toBe(1);
    expect(scraped.total('crm_sla_alerts', { kind: 'breach' })).toBe(0);
    // the warning fired a minute after it fell due on the service's clock
    const [lateness] = scraped.histograms('crm_timer_firing_lateness_seconds', { workflow: 'complaint', outcome: 'executed' });
    expect(lateness.count).toBeGreaterThanOrEqual(1);
    expect(lateness.sum).toBeGreaterThanOrEqual(60);
    expect(scraped.total('crm_timers_pending', { workflow: 'complaint' })).toBeGreaterThanOrEqual(1);
    expect(scraped.total('crm_notification_delivery_attempts_total', { channel: 'webhook', result: 'failed' })).toBeGreaterThanOrEqual(1);
    expect(scraped.total('crm_notification_outbox_backlog', { channel: 'webhook' })).toBeGreaterThanOrEqual(1);
    expect(scraped.total('crm_projection_lag_events', { projection: 'sla_alerts' })).toBe(0);

    await stream.close();
    expect((await scrapeUntil((s) => s.total('crm_sse_clients', { stream: 'alert' }) === 0)).total('crm_sse_clients', { stream: 'alert' })).toBe(0);
  });
});
