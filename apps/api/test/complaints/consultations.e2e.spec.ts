import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';
import { caughtUp, ensureCustomer, fireDueTimers } from './complaint-support';

/** Monday 2 March 2026, 15:00 in Beijing. */
const MONDAY_1500 = '2026-03-02T07:00:00.000Z';
const CUSTOMER = 'cust-cns-1';
const enquiry = (consultationId: string, receivedAt = MONDAY_1500) => ({ consultationId, customerId: CUSTOMER, receivedAt, channel: 'phone', question: '聚丙烯 T30S 下月提货价格是否调整？' });

/** 第四条(六) 记录、处理客户咨询 over HTTP (R-CMP-5, R-CNS-1, ADR 0026), on both engines. */
describeEachEngine('customer enquiries (R-CMP-5, R-CNS-1)', (engine) => {
  let api: TestApi;
  const as = async (user: string, method: string, path: string, body?: unknown) => api.request(method, path, { token: await api.tokenFor(user), body });
  jest.setTimeout(90_000);

  beforeAll(async () => {
    api = await startTestApi({ start: MONDAY_1500, engine });
    await ensureCustomer(api, CUSTOMER, 'manager');
  });
  afterAll(() => api.close());

  it('R-CNS-1: an enquiry received Monday 15:00 is due Tuesday 15:00 (the general complaint\'s one working day), listed per customer and overall, and is a task for the department', async () => {
    const recorded = await as('manager', 'POST', '/consultations', enquiry('q-ontime'));
    expect(recorded.status).toBe(201);
    expect(recorded.body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['ConsultationRecorded', 'TimerScheduled', 'TaskOpened']));
    const one = await as('sales', 'GET', '/consultations/q-ontime');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ state: 'recorded', policyVersion: '2026-1', sla: { workingDays: 1, breached: false } });
    expect(new Date(one.body.sla.due).toISOString()).toBe('2026-03-03T07:00:00.000Z');
    expect(one.body.readings).toEqual([expect.objectContaining({ rule: 'R-CMP-3', code: 'business-hours-from-receipt' })]);

    const perCustomer = await as('manager', 'GET', `/consultations?customer=${CUSTOMER}&minPosition=${recorded.body.position}`);
    expect(perCustomer.body.items.map((i: { consultationId: string }) => i.consultationId)).toEqual(['q-ontime']);
    const overall = await as('supervisor', 'GET', `/consultations?minPosition=${recorded.body.position}`);
    expect(overall.body.items).toEqual([expect.objectContaining({ consultationId: 'q-ontime', status: 'recorded', workingDays: 1, breached: false })]);
    expect((await as('manager2', 'GET', `/consultations?minPosition=${recorded.body.position}`)).body.items).toEqual([]);

    await caughtUp(api, 'tasks');
    const tasks = await as('sales', 'GET', '/tasks');
    const task = tasks.body.items.find((t: { type: string }) => t.type === 'consultation.answer');
    expect(task).toMatchObject({ title: '客户咨询待答复', instanceId: 'q-ontime' });
    expect(new Date(task.dueAt).toISOString()).toBe('2026-03-03T07:00:00.000Z');
  });

  it('R-CMP-5: answered in time: the clock stops, the task completes, the list shows it answered within the deadline', async () => {
    api.clock.set('2026-03-03T02:00:00.000Z'); // Tuesday 10:00
    const answered = await as('manager', 'POST', '/consultations/q-ontime/answer', { channel: 'phone', answer: '下月价格不变。' });
    expect(answered.status).toBe(200);
    const types = answered.body.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ConsultationAnswered', 'TimerCancelled', 'TaskCompleted']));
    const list = await as('sales', 'GET', `/consultations?customer=${CUSTOMER}&minPosition=${answered.body.position}`);
    expect(list.body.items[0]).toMatchObject({ status: 'answered', withinDeadline: true, answeredBy: 'manager' });
    expect((await as('manager', 'POST', '/consultations/q-ontime/answer', { channel: 'phone', answer: '再答' })).status).toBe(409);
  });

  it('R-CMP-5: only the department records or answers; an unknown customer is refused naming customerId', async () => {
    expect((await as('supervisor', 'POST', '/consultations', enquiry('q-sup'))).status).toBe(403);
    const unknown = await as('sales', 'POST', '/consultations', { ...enquiry('q-x'), customerId: 'cust-nobody' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ field: 'customerId' });
  });

  it('R-CNS-1: unanswered past the deadline, the timer records the breach (escalated to the supervisor); the late answer says so', async () => {
    api.clock.set('2026-03-03T02:00:00.000Z'); // Tuesday 10:00
    const recorded = await as('sales', 'POST', '/consultations', enquiry('q-late', '2026-03-03T10:00:00+08:00'));
    expect(recorded.status).toBe(201);
    api.clock.set('2026-03-04T03:00:00.000Z'); // Wednesday 11:00, due 10:00
    await fireDueTimers(api);
    const stream = await api.store.readStream('consultation-q-late');
    expect(stream.find((e) => e.type === 'ConsultationSlaBreached')?.data).toMatchObject({ escalatedTo: 'supervisor', notify: ['supervisor'], workingDays: 1 });
    const answered = await as('sales', 'POST', '/consultations/q-late/answer', { channel: 'email', answer: '已邮件答复。' });
    expect(answered).toMatchObject({ status: 200 });
    expect((await api.store.readStream('consultation-q-late')).find((e) => e.type === 'ConsultationAnswered')?.data.withinDeadline).toBe(false);
    const breached = await as('supervisor', 'GET', `/consultations?breached=true&minPosition=${answered.body.position}`);
    expect(breached.body.items.map((i: { consultationId: string }) => i.consultationId)).toEqual(['q-late']);
  });

  it('R-CMP-5: the enquiries are in the customer\'s history, as its complaints are', async () => {
    const head = await caughtUp(api, 'customer-streams');
    const history = await as('auditor', 'GET', `/customers/${CUSTOMER}/history?limit=200`);
    expect(history.status).toBe(200);
    const ours = history.body.entries.filter((e: { type: string }) => e.type.startsWith('Consultation'));
    expect(ours.map((e: { type: string }) => e.type)).toEqual(['ConsultationRecorded', 'ConsultationAnswered', 'ConsultationRecorded', 'ConsultationSlaBreached', 'ConsultationAnswered']);
    expect(ours[1]).toMatchObject({ stateBefore: { workflow: 'consultation', state: 'recorded' }, stateAfter: { state: 'answered', done: true } });
    expect(head).toBeGreaterThan(0);
  });
});
