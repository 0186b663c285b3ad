import { SseClient } from './sse-client';
import { WebhookReceiver } from './webhook-receiver';
import { caughtUp, deliverWebhooks, fireDueTimers, recordAndClassify } from './complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

const SECRET = 'sla-webhook-secret-0123456789';
const RECEIVED = '2026-09-30T10:00:00+08:00';
const DUE = '2026-10-10T02:00:00.000Z'; // Saturday 10 October 10:00 Beijing, the make-up working day
const MINUTE = 60_000;

describeEachEngine('complaint SLA alerts end to end (R-CMP-3, R-CMP-4) on the real service', (engine) => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  const streams: SseClient[] = [];
  // tokens expire on the service clock, which the test moves by days: sign in when needed
  const token = (user: string) => api.tokenFor(user);

  jest.setTimeout(60_000);
  const pollMs = process.env.WEBHOOK_POLL_MS;
  beforeAll(async () => {
    // the test runs every delivery pass itself, so that it can tell which attempt did what
    process.env.WEBHOOK_POLL_MS = '0';
    // the clock jumps days while a stream is open, which expires its token: a heartbeat would
    // (rightly) end the stream, so none comes during this spec (sse-sessions.e2e covers that)
    api = await startTestApi({ start: '2026-09-30T02:00:00.000Z', engine, transport: { sseHeartbeatMs: 30 * 60_000 } });
    receiver = new WebhookReceiver(SECRET);
    await receiver.start();
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api?.close();
    await receiver?.stop();
    if (pollMs === undefined) delete process.env.WEBHOOK_POLL_MS;
    else process.env.WEBHOOK_POLL_MS = pollMs;
  });

  const openStream = async (lastEventId?: string) => {
    const stream = await SseClient.open(`${api.url}/sla/alerts/stream?access_token=${encodeURIComponent(await token('supervisor'))}`, lastEventId ? { 'last-event-id': lastEventId } : {});
    streams.push(stream);
    return stream;
  };

  it('R-CMP-4: a major complaint on 30 Sep warns at 75% and breaches on the make-up Saturday, on the SSE stream and the signed webhook, across a restart, once', async () => {
    expect((await api.request('PUT', '/webhooks/supervisor', { token: await token('admin'), body: { url: receiver.url, secret: SECRET } })).status).toBe(200);
    const { id } = await recordAndClassify(api, await token('manager'), RECEIVED, 'major');

    const detail = await api.request('GET', `/complaints/${id}`, { token: await token('supervisor') });
    expect(detail.status).toBe(200);
    expect(new Date(detail.body.sla.due).toISOString()).toBe(DUE);
    expect(detail.body.sla).toMatchObject({ workingDays: 3, provisional: false, clockRunning: true, warned: false, breached: false });
    expect(detail.body.sla.calendarVersion).toEqual(expect.any(String));
    expect(detail.body.sla.workingTimeLeftMs).toBeGreaterThan(0);
    const warnAt = Date.parse(detail.body.sla.warnAt);
    expect(warnAt).toBeGreaterThan(Date.parse('2026-10-08T00:00:00Z')); // not counted through the holiday

    const live = await openStream();
    expect(live.status).toBe(200);

    // just before the warning nothing of the complaint's SLA fires (the customer's month evaluation may,
    // and the idle reminder of its task, issue 15)
    api.clock.set(new Date(warnAt - MINUTE));
    expect((await fireDueTimers(api)).filter((f) => f.timer.workflow === 'complaint' && f.timer.command.type !== 'RemindTask')).toHaveLength(0);

    api.clock.set(new Date(warnAt + MINUTE));
    await fireDueTimers(api);
    const warning = await live.next((e) => e.event === 'ComplaintSlaWarned');
    expect(warning.data).toMatchObject({ kind: 'warning', complaintId: id, class: 'major', customerId: 'cust-pe-1' });
    expect(warning.id).toBe(String(warning.data.position));
    await deliverWebhooks(api, await token('admin'));
    const warnedHook = await receiver.waitFor('ComplaintSlaWarned');
    expect(warnedHook.signatureValid).toBe(true);
    expect(warnedHook.body).toMatchObject({ type: 'ComplaintSlaWarned', recipient: 'supervisor', streamId: `complaint-${id}` });

    // RESTART between warning and breach: same SQLite file or database, same clock
    await live.close();
    await api.restart();
    const resumed = await openStream(String(warning.id));

    api.clock.set(new Date(Date.parse(DUE) + MINUTE));
    await fireDueTimers(api);
    const breach = await resumed.next((e) => e.event === 'ComplaintSlaBreached');
    expect(breach.data).toMatchObject({ kind: 'breach', complaintId: id, escalatedTo: 'supervisor', workingDays: 3 });
    expect(resumed.events[0]).toBe(breach); // resumed after the warning: not sent again
    await deliverWebhooks(api, await token('admin'));
    const breachHook = await receiver.waitFor('ComplaintSlaBreached');
    expect(breachHook.signatureValid).toBe(true);

    // once: firing again and another delivery pass change nothing
    expect((await fireDueTimers(api)).filter((f) => f.timer.workflow === 'complaint')).toHaveLength(0);
    await deliverWebhooks(api, await token('admin'));
    const types = (await api.store.readStream(`complaint-${id}`)).map((e) => e.type);
    expect(types.filter((t) => t === 'ComplaintSlaWarned')).toHaveLength(1);
    expect(types.filter((t) => t === 'ComplaintSlaBreached')).toHaveLength(1);
    expect(receiver.received.filter((r) => r.event === 'ComplaintSlaBreached')).toHaveLength(1);

    const notifications = await api.request('GET', '/notifications?recipient=supervisor', { token: await token('admin') });
    expect(notifications.body.items.map((n: any) => [n.type, n.delivery.status])).toEqual([
      ['ComplaintSlaWarned', 'delivered'],
      ['ComplaintSlaBreached', 'delivered'],
    ]);

    await caughtUp(api, 'sla_alerts', 'complaints');
    const alerts = await api.request('GET', '/sla/alerts', { token: await token('supervisor') });
    expect(alerts.body.items.map((a: any) => a.kind)).toEqual(['warning', 'breach']);
    const after = await api.request('GET', `/complaints/${id}`, { token: await token('supervisor') });
    expect(after.body.sla).toMatchObject({ warned: true, breached: true, clockRunning: true });
    expect(after.body.sla.workingTimeLeftMs).toBeLessThan(0);
    const board = await api.request('GET', '/sla/board', { token: await token('supervisor') });
    expect(board.body.breached.map((c: any) => c.complaintId)).toEqual([id]);
    expect(board.body.open[0]).toMatchObject({ complaintId: id, breached: true });
  }, 60_000);

  it('SLA webhooks are retried with back-off on the service clock, every attempt recorded', async () => {
    const received = api.clock.now().toISOString(); // Saturday 10 October, the make-up working day
    const { id } = await recordAndClassify(api, await token('sales'), received, 'general');
    receiver.failNext = 2;
    api.clock.set('2026-10-12T03:30:00.000Z'); // Monday 11:30 Beijing: warning and breach both due
    await fireDueTimers(api);
    const admin = await token('admin');
    const first = await deliverWebhooks(api, admin);
    expect(first.map((o) => o.delivered)).toEqual([false, false]);
    expect(await deliverWebhooks(api, admin)).toEqual([]); // backing off: nothing is due yet

    api.clock.advance(11_000); // past the first back-off (10 s)
    const second = await deliverWebhooks(api, admin);
    expect(second.map((o) => o.delivered)).toEqual([true, true]);
    const breach = receiver.received.filter((r) => r.event === 'ComplaintSlaBreached' && r.body.streamId === `complaint-${id}`);
    expect(breach).toHaveLength(1);
    const attempts = await api.request('GET', `/notifications/${encodeURIComponent(breach[0].delivery)}/attempts`, { token: admin });
    expect(attempts.body.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 204]);
  }, 60_000);
});
