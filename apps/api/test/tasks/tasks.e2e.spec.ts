import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { UserDirectory } from '../../src/auth/user-directory';
import { describeEachEngine } from '../support/each-engine';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';
import { caughtUp, fireDueTimers, recordAndClassify } from '../complaints/complaint-support';

/** Monday 9 March 2026, 09:00 in Shanghai. */
const MONDAY_0900 = '2026-03-09T01:00:00.000Z';
const HOUR = 3_600_000;

describeEachEngine('GET /tasks: one list for every human step', (engine) => {
  let api: TestApi;
  let as: Caller;
  const types = (body: any) => body.items.map((i: any) => `${i.type}:${i.instanceId}`);
  const tasksOf = async (user: string, query = '') => {
    await caughtUp(api, 'tasks');
    const res = await as(user, 'GET', `/tasks${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    api = await startTestApi({ start: MONDAY_0900, engine });
    as = await onboardingCallers(api);
    expect((await as('manager', 'POST', '/applications', { applicationId: 't-app', form: applicationForm(31, 'manager') })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/t-app/submit')).status).toBe(200);
  }, 60_000);
  afterAll(() => api.close());

  it('R-ONB-3: the submitted application is a task for the sales department, named by company, and not for its own manager (ONB-SELF)', async () => {
    const sales = await tasksOf('sales');
    expect(types(sales)).toEqual(['onboarding.sales:t-app']);
    expect(sales.items[0]).toMatchObject({ title: '开户申请待销售部审核', subject: { name: '宁波测试31号化工有限公司' }, link: { console: '/#/inbox/t-app', api: '/applications/t-app' } });
    expect(sales.counts).toEqual({ 'onboarding.sales': 1 });
    expect((await tasksOf('manager')).items).toEqual([]);
    expect((await tasksOf('finance')).items).toEqual([]);
    // SOD-ROLES: an administrator holds no task; an auditor neither
    expect((await tasksOf('admin')).items).toEqual([]);
  });

  it('bad filters are refused at the edge, naming the field (400)', async () => {
    for (const [query, field] of [['limit=0', 'limit'], ['type=Bad%20Type', 'type'], ['dueBefore=tomorrow', 'dueBefore'], ['sort=priority', 'sort']]) {
      const res = await as('sales', 'GET', `/tasks?${query}`);
      expect({ status: res.status, field: res.body.field }).toEqual({ status: 400, field });
    }
  });

  it('GET /tasks/{id}: the workflow resource and the commands the caller may send now, with their schemas', async () => {
    const [task] = (await tasksOf('sales')).items;
    const detail = await as('sales', 'GET', `/tasks/${task.taskId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.commands.map((c: any) => [c.command, c.allowed])).toEqual([['ApproveStep', true], ['RejectStep', true], ['ReturnForRevision', true]]);
    expect(detail.body.commands[0].schema.jsonSchema).toMatchObject({ type: 'object' });
    expect((await as('finance', 'GET', `/tasks/${task.taskId}`)).status).toBe(404);
  });

  it('R-ONB-3: two sales reviewers at once — the loser gets 409 naming who completed the step, how and when', async () => {
    const [a, b] = await Promise.all([
      as('sales', 'POST', '/applications/t-app/steps/sales/approve', {}),
      as('sales2', 'POST', '/applications/t-app/steps/sales/approve', {}),
    ]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect([won.status, lost.status]).toEqual([200, 409]);
    const winner = won === a ? 'sales' : 'sales2';
    expect(lost.body).toMatchObject({ rule: 'TASK-DONE', step: 'sales', completedBy: winner, command: 'ApproveStep', events: ['SalesReviewApproved'] });
    // later, a stale screen gets the same answer
    const late = await as('sales2', 'POST', '/applications/t-app/steps/sales/approve', {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ rule: 'TASK-DONE', completedBy: winner });
    expect(types(await tasksOf('finance'))).toEqual(['onboarding.finance:t-app']);
    expect((await tasksOf('sales')).items).toEqual([]);
  });

  it('R-CMP-2: a complaint waits on its handlers, then its resolution on a leader who did not draft it (CMP-SELF)', async () => {
    const token = await api.tokenFor('sales');
    const { id } = await recordAndClassify(api, token, MONDAY_0900, 'general');
    const mine = await tasksOf('sales', '?type=complaint.draft-resolution');
    expect(types(mine)).toEqual([`complaint.draft-resolution:${id}`]);
    expect(mine.items[0].subject.name).toMatch(/^宁波甬兴塑业/);
    expect(mine.items[0].dueAt).not.toBeNull();
    expect((await as('sales', 'POST', `/complaints/${id}/resolution`, { department: '销售部', text: '退换货', handler: 'sales' })).status).toBe(200);
    expect(types(await tasksOf('supervisor'))).toEqual([`complaint.approve-resolution:${id}`]);
    // a person holding two of the task's roles sees it once, and counts it once
    await api.app.get(UserDirectory).register({ username: 'both-leaders', name: '两职领导', roles: ['supervisor', 'general_manager'], password: DEMO_PASSWORD }, 'test', api.clock.now());
    const both = await tasksOf('both-leaders', '?type=complaint.approve-resolution');
    expect({ items: types(both), total: both.total, counted: both.counts['complaint.approve-resolution'] }).toEqual({ items: [`complaint.approve-resolution:${id}`], total: 1, counted: 1 });
    // R-KAM-2: the customer is manager's, so manager2 sees none of its handler tasks
    expect((await tasksOf('manager2')).items).toEqual([]);
  });

  it('reminders and escalation are durable timers: TaskReminded to the holder, TaskEscalated to the leader, with the notification data', async () => {
    const [task] = (await tasksOf('finance')).items;
    api.clock.advance(24 * 9 * HOUR); // well past three working days
    await fireDueTimers(api);
    const stream = await api.store.readStream('onboarding-t-app');
    const reminded = stream.find((e) => e.type === 'TaskReminded' && e.data.taskId === task.taskId);
    const escalated = stream.find((e) => e.type === 'TaskEscalated' && e.data.taskId === task.taskId);
    expect(reminded?.data).toMatchObject({ taskType: 'onboarding.finance', title: '开户申请待财务审核', notify: ['finance_reviewer'], notifyUsers: [], link: '/#/inbox/t-app', policyVersion: 'onboarding-tasks-2026-12' });
    expect(escalated?.data).toMatchObject({ notify: ['general_manager'], subject: { customerId: null, name: '宁波测试31号化工有限公司' } });
    const again = await fireDueTimers(api);
    expect(again.filter((f: any) => f.timer.instanceId === 't-app')).toEqual([]);
  });
});
