import { caughtUp } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { scrape } from '../support/prometheus-scrape';
import { startTestApi, type TestApi } from '../support/test-api';

jest.setTimeout(60_000);

const SCRAPE_TOKEN = 'scrape-token-for-the-test-0123456789abcdef';

describeEachEngine('GET /metrics after real traffic, parsed as Prometheus text', (engine) => {
  let api: TestApi;
  let as: Caller;
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-02T02:00:00.000Z', engine, env: { METRICS_TOKEN: SCRAPE_TOKEN } });
    as = await onboardingCallers(api);
  });
  afterAll(() => api?.close());

  it('answers the scrape token and an administrator; 401 without a token or with a wrong one, 403 to anyone else', async () => {
    const get = (token?: string) => fetch(`${api.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {}).then((r) => r.status);
    expect(await get()).toBe(401);
    expect(await get(`${SCRAPE_TOKEN}x`)).toBe(401);
    expect(await get(await api.tokenFor('sales'))).toBe(403);
    expect(await get(await api.tokenFor('admin'))).toBe(200);
    const scraped = await scrape(api, SCRAPE_TOKEN);
    expect(scraped.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    // prom-client's default process metrics come along
    expect(scraped.total('process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts a command accepted, one refused by its rule (R-ONB-3) and a 409 TASK-DONE, by workflow, with route templates and latency histograms', async () => {
    const before = await scrape(api, SCRAPE_TOKEN);
    const commands = (s: typeof before, labels: Record<string, string>) => s.total('crm_commands_total', { workflow: 'onboarding', ...labels });

    expect((await as('manager', 'POST', '/applications', { applicationId: 'metrics-1', form: applicationForm(71) })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/metrics-1/submit')).status).toBe(200);
    expect((await as('sales', 'POST', '/applications/metrics-1/steps/sales/approve', {})).status).toBe(200);
    const refused = await as('finance', 'POST', '/applications/metrics-1/steps/finance/approve', { comment: 'ok' });
    expect(refused.body).toMatchObject({ statusCode: 422, rule: 'R-ONB-3' });
    const conflict = await as('sales2', 'POST', '/applications/metrics-1/steps/sales/approve', {});
    expect(conflict.body).toMatchObject({ statusCode: 409, rule: 'TASK-DONE' });

    const after = await scrape(api, SCRAPE_TOKEN);
    const moved = (labels: Record<string, string>) => commands(after, labels) - commands(before, labels);
    expect(moved({ command: 'SubmitApplication', result: 'accepted' })).toBe(1);
    expect(moved({ command: 'ApproveStep', result: 'accepted' })).toBe(1);
    expect(moved({ command: 'ApproveStep', result: 'refused', rule: 'R-ONB-3' })).toBe(1);
    expect(moved({ command: 'ApproveStep', result: 'conflict', rule: 'TASK-DONE' })).toBe(1);
    const refusedLatency = (s: typeof before) => s.observations('crm_command_duration_seconds', { workflow: 'onboarding', result: 'refused' });
    expect(refusedLatency(after) - refusedLatency(before)).toBe(1);

    // one series per endpoint, never per application id
    const route = '/applications/{id}/steps/{step}/approve';
    expect(after.total('crm_http_requests_total', { method: 'POST', route, status: '422' }) - before.total('crm_http_requests_total', { method: 'POST', route, status: '422' })).toBe(1);
    expect(after.total('crm_http_requests_total', { method: 'POST', route, status: '409' }) - before.total('crm_http_requests_total', { method: 'POST', route, status: '409' })).toBe(1);
    expect(after.family('crm_http_requests_total').metrics.some((m) => m.labels?.route?.includes('metrics-1'))).toBe(false);
    const [latency, ...others] = after.histograms('crm_http_request_duration_seconds', { method: 'POST', route, status: '200' });
    expect(others).toEqual([]);
    expect(latency.count).toBeGreaterThanOrEqual(1);
    expect(latency.buckets.get('+Inf')).toBe(latency.count);
    expect(latency.sum).toBeGreaterThan(0);

    // the writes went through the store port: appends observed with their batch sizes
    const appends = (s: typeof before) => s.observations('crm_event_store_append_duration_seconds', { engine, outcome: 'ok' });
    expect(appends(after) - appends(before)).toBeGreaterThanOrEqual(4);
    const [batches] = after.histograms('crm_event_store_append_batch_events', { engine });
    // the submission appends its event with the task and timer events it opens: more than one per batch
    expect(batches.sum).toBeGreaterThan(batches.count);
  });

  it('reports every projection’s lag in events and seconds: none once a projection has caught up with the head', async () => {
    await caughtUp(api, 'timers', 'sla_alerts');
    const scraped = await scrape(api, SCRAPE_TOKEN);
    const lag = scraped.samples('crm_projection_lag_events');
    expect(lag.map((m) => m.labels?.projection)).toEqual(expect.arrayContaining(['timers', 'sla_alerts', 'notification_outbox']));
    expect(scraped.samples('crm_projection_lag_seconds')).toHaveLength(lag.length);
    for (const projection of ['timers', 'sla_alerts']) {
      expect(scraped.total('crm_projection_lag_events', { projection })).toBe(0);
      expect(scraped.total('crm_projection_lag_seconds', { projection })).toBe(0);
    }
  });
});
