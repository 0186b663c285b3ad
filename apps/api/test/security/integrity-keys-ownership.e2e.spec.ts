import { timerIdOf } from '@crm/engine';
import { complaintBody, ensureCustomer, fireDueTimers, recordAndClassify } from '../complaints/complaint-support';
import { describeEachEngine } from '../support/each-engine';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';

/**
 * Issue 14, holes 1–3, reproduced over HTTP as the issue describes them. Each test failed on the
 * code before the fix: the breach was never recorded (the timer's key had been pre-claimed), the
 * other user got 200 and the first user's result, and manager2 read and acted on manager's complaint.
 */
describeEachEngine('integrity: idempotency keys and complaint ownership over HTTP', (engine) => {
  let api: TestApi;
  let as: Caller;
  jest.setTimeout(60_000);
  beforeAll(async () => {
    api = await startTestApi({ start: '2026-10-09T03:00:00.000Z', engine });
    as = await onboardingCallers(api);
    await ensureCustomer(api, 'cust-own', 'manager');
  });
  afterAll(() => api?.close());

  it('R-CMP-3: a client sending the breach timer\'s id as its Idempotency-Key cannot stop the breach of a back-dated complaint from being recorded', async () => {
    const manager = await api.tokenFor('manager');
    const receivedAt = '2026-10-07T09:00:00+08:00';
    const recorded = await api.request('POST', '/complaints', { token: manager, body: complaintBody(receivedAt, 'cust-own') });
    const id = recorded.body.id as string;
    // the deadline is public (the official calendar), so the timer's id can be computed before it exists
    const deadline = await api.request('GET', `/calendar/deadline?from=${encodeURIComponent(receivedAt)}&workingDays=1`);
    const timerId = timerIdOf(`complaint-${id}`, 'sla-breach', new Date(deadline.body.due).toISOString());
    const classified = await api.request('POST', `/complaints/${id}/classify`, { token: manager, body: { class: 'general' }, headers: { 'idempotency-key': timerId } });
    expect(classified.status).toBe(200);
    expect(classified.body.events.find((e: { type: string }) => e.type === 'TimerScheduled')).toBeDefined();
    await fireDueTimers(api);
    const stream = await api.store.readStream(`complaint-${id}`);
    expect(stream.filter((e) => e.type === 'TimerScheduled').map((e) => e.data.timerId)).toContain(timerId);
    expect(stream.filter((e) => e.type === 'ComplaintSlaBreached')).toHaveLength(1);
    expect(stream.filter((e) => e.type === 'TimerFired' && e.data.timerId === timerId)).toMatchObject([{ data: { outcome: 'executed' } }]);
  });

  it('a repeated Idempotency-Key from another user is decided for that user (refused by the rules), never answered with the first user\'s 200', async () => {
    expect((await as('manager', 'POST', '/applications', { applicationId: 'key-1', form: applicationForm(61) })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/key-1/submit')).status).toBe(200);
    const key = { 'idempotency-key': 'approve-key-000001' };
    expect((await as('sales', 'POST', '/applications/key-1/steps/sales/approve', {}, key)).status).toBe(200);
    const byFinance = await as('finance', 'POST', '/applications/key-1/steps/sales/approve', {}, key);
    const bySales2 = await as('sales2', 'POST', '/applications/key-1/steps/sales/approve', {}, key);
    expect([byFinance.status, byFinance.body.rule, byFinance.body.replayed]).toEqual([422, 'R-ONB-3', undefined]);
    // a sales reviewer could have held the step: they learn who completed it (issue 15), still never the first user's 200
    expect([bySales2.status, bySales2.body.rule, bySales2.body.completedBy, bySales2.body.replayed]).toEqual([409, 'TASK-DONE', 'sales', undefined]);
    const again = await as('sales', 'POST', '/applications/key-1/steps/sales/approve', {}, key);
    expect(again).toMatchObject({ status: 200, body: { replayed: true } });
  });

  it('the same user reusing a key for another command gets 422 naming the key', async () => {
    const manager = await api.tokenFor('manager');
    const { id } = await recordAndClassify(api, manager, '2026-10-09T09:00:00+08:00', 'major', 'cust-own');
    const headers = { 'idempotency-key': 'manager-key-0001' };
    expect((await api.request('POST', `/complaints/${id}/resolution`, { token: manager, headers, body: { department: '销售部', text: '复检', handler: 'manager' } })).status).toBe(200);
    const reused = await api.request('POST', `/complaints/${id}/extensions`, { token: manager, headers, body: { additionalWorkingDays: 1, reason: '检测' } });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ rule: 'IDEMPOTENCY-KEY', field: 'Idempotency-Key' });
    expect(reused.body.message).toContain('manager-key-0001');
  });

  it('R-KAM-2: another customer manager cannot list, read, explain, classify, extend or draft on a manager\'s customer\'s complaint', async () => {
    const [manager, manager2] = [await api.tokenFor('manager'), await api.tokenFor('manager2')];
    const { id } = await recordAndClassify(api, manager, '2026-10-09T10:00:00+08:00', 'major', 'cust-own');
    const refused = [
      await api.request('GET', `/complaints/${id}`, { token: manager2 }),
      await api.request('GET', `/complaints/${id}/deadline/explain`, { token: manager2 }),
      await api.request('POST', `/complaints/${id}/reclassify`, { token: manager2, body: { class: 'general', reason: '误判' } }),
      await api.request('POST', `/complaints/${id}/extensions`, { token: manager2, body: { additionalWorkingDays: 1, reason: '检测' } }),
      await api.request('POST', `/complaints/${id}/resolution`, { token: manager2, body: { department: '销售部', text: '复检', handler: 'manager2' } }),
      await api.request('POST', '/complaints', { token: manager2, body: complaintBody('2026-10-09T10:00:00+08:00', 'cust-own') }),
    ];
    expect(refused.map((r) => [r.status, r.body.rule])).toEqual(Array(6).fill([403, 'R-KAM-2']));
    const list = await api.request('GET', `/complaints?customer=cust-own&minPosition=${await api.store.headPosition()}`, { token: manager2 });
    expect(list.body.items).toEqual([]);
    const own = await api.request('GET', '/complaints?customer=cust-own', { token: manager });
    expect(own.body.items.map((c: { complaintId: string }) => c.complaintId)).toContain(id);
    expect((await api.request('GET', `/complaints/${id}`, { token: await api.tokenFor('sales') })).status).toBe(200);
  });

  it('a complaint for a customer that does not exist is refused with 422 naming customerId, for every role, and nothing is written', async () => {
    const before = await api.store.headPosition();
    for (const user of ['manager', 'sales']) {
      const res = await api.request('POST', '/complaints', { token: await api.tokenFor(user), body: complaintBody('2026-10-09T10:00:00+08:00', 'cust-nobody') });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ rule: 'CUSTOMER-UNKNOWN', field: 'customerId' });
    }
    expect(await api.store.headPosition()).toBe(before);
  });
});
