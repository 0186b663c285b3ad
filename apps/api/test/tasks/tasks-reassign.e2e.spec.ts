import { UserDirectory } from '../../src/auth/user-directory';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { caughtUp, recordAndClassify } from '../complaints/complaint-support';
import { type Caller, onboardingCallers } from '../support/onboarding.actors';
import { applicationForm } from '../support/onboarding.forms';
import { startTestApi, type TestApi } from '../support/test-api';

/** Tuesday 10 March 2026, 09:00 in Shanghai. */
const TUESDAY_0900 = '2026-03-10T01:00:00.000Z';

describe('reassignment and delegation for every task type (issue 15, SQLite)', () => {
  let api: TestApi;
  let as: Caller;
  let complaintTask: string;
  const listed = async (user: string, type: string) => {
    await caughtUp(api, 'tasks');
    return (await as(user, 'GET', `/tasks?type=${type}`)).body.items as Array<{ taskId: string; assignee: string | null; onBehalfOf: string | null; instanceId: string }>;
  };

  beforeAll(async () => {
    api = await startTestApi(TUESDAY_0900);
    as = await onboardingCallers(api);
    await api.app.get(UserDirectory).register({ username: 'gm2', name: '副总', roles: ['general_manager'], password: DEMO_PASSWORD }, 'test', api.clock.now());
    const { id } = await recordAndClassify(api, await api.tokenFor('sales'), TUESDAY_0900, 'general');
    expect((await as('sales', 'POST', `/complaints/${id}/resolution`, { department: '销售部', text: '退换货', handler: 'sales' })).status).toBe(200);
    [{ taskId: complaintTask }] = await listed('supervisor', 'complaint.approve-resolution');
  }, 60_000);
  afterAll(() => api.close());

  it('issue 16: an administrator lists every open task, whoever holds it, with the assignees by name; no one else may', async () => {
    await caughtUp(api, 'tasks');
    const open = await as('admin', 'GET', '/tasks/open');
    expect(open.status).toBe(200);
    const task = open.body.items.find((t: any) => t.taskId === complaintTask);
    expect(task).toMatchObject({ status: 'open', type: 'complaint.approve-resolution', roles: expect.arrayContaining(['supervisor']) });
    expect(open.body.items.every((t: any) => t.status === 'open')).toBe(true);
    expect((await as('supervisor', 'GET', '/tasks/open')).status).toBe(403);
  });

  it('TASK-REASSIGN: only to someone the guards allow — not the drafter (CMP-SELF), not someone without a leader role — and only by an administrator', async () => {
    expect((await as('supervisor', 'POST', `/tasks/${complaintTask}/reassign`, { to: 'gm' })).status).toBe(403);
    const drafter = await as('admin', 'POST', `/tasks/${complaintTask}/reassign`, { to: 'sales' }, { 'accept-language': 'zh-CN' });
    expect(drafter.status).toBe(422);
    expect(drafter.body).toMatchObject({ rule: 'TASK-REASSIGN', field: 'to' });
    expect(drafter.body.message).toMatch(/不能改派给此人/);
    expect((await as('admin', 'POST', `/tasks/${complaintTask}/reassign`, { to: 'nobody' })).status).toBe(422);
  });

  it('TASK-ASSIGNEE: a complaint approval handed to the general manager leaves the supervisor\'s list, and the supervisor is refused', async () => {
    expect((await as('admin', 'POST', `/tasks/${complaintTask}/reassign`, { to: 'gm', reason: '主管休假' })).status).toBe(200);
    expect(await listed('supervisor', 'complaint.approve-resolution')).toEqual([]);
    expect((await listed('gm', 'complaint.approve-resolution')).map((t) => t.assignee)).toEqual(['gm']);
    const [item] = await listed('gm', 'complaint.approve-resolution');
    const refused = await as('supervisor', 'POST', `/complaints/${item.instanceId}/resolution/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('TASK-ASSIGNEE');
  });

  it('ONB-DELEGATION for every task type: the assignee\'s delegate sees it on their behalf and completes it; the completion keeps both names', async () => {
    const granted = await as('gm', 'POST', '/delegations', { delegateId: 'gm2', role: 'general_manager', from: '2026-03-10', until: '2026-03-20' });
    expect(granted.status).toBe(201);
    await caughtUp(api, 'delegations');
    const [item] = await listed('gm2', 'complaint.approve-resolution');
    expect(item).toMatchObject({ assignee: 'gm', onBehalfOf: 'gm' });
    // the console shows people as 姓名（角色）: the page names them
    expect((await as('gm2', 'GET', '/tasks')).body.people.gm).toMatchObject({ roles: ['general_manager'], name: expect.any(String) });
    expect((await as('gm2', 'POST', `/complaints/${item.instanceId}/resolution/approve`, {})).status).toBe(200);
    const completed = (await api.store.readStream(`complaint-${item.instanceId}`)).find((e) => e.type === 'TaskCompleted' && e.data.taskId === complaintTask);
    expect(completed?.data).toMatchObject({ by: 'gm2', onBehalfOf: 'gm', commandType: 'ApproveResolution' });
  });

  it('a supervisor delegates too (every deciding role); onboarding\'s reassignment through the generic endpoint is its own ReassignStep', async () => {
    expect((await as('supervisor', 'POST', '/delegations', { delegateId: 'gm', role: 'supervisor', from: '2026-03-10', until: '2026-03-11' })).status).toBe(422); // gm is no supervisor
    expect((await as('manager', 'POST', '/applications', { applicationId: 'ra-1', form: applicationForm(41, 'manager') })).status).toBe(201);
    expect((await as('manager', 'POST', '/applications/ra-1/submit')).status).toBe(200);
    const [task] = await listed('sales', 'onboarding.sales');
    expect((await as('admin', 'POST', `/tasks/${task.taskId}/reassign`, { to: 'sales2' })).status).toBe(200);
    expect((await listed('sales', 'onboarding.sales')).map((t) => t.instanceId)).toEqual([]);
    expect((await listed('sales2', 'onboarding.sales')).map((t) => t.assignee)).toEqual(['sales2']);
    expect((await as('sales', 'POST', '/applications/ra-1/steps/sales/approve', {})).body.rule).toBe('ONB-ASSIGNEE');
    expect((await api.store.readStream('onboarding-ra-1')).map((e) => e.type)).toContain('StepReassigned');
    // ONB-DELEGATION: the assignee's delegate holds it on their behalf, and may approve it now (the detail's dry run names the assignee)
    expect((await as('sales2', 'POST', '/delegations', { delegateId: 'sales', role: 'sales_reviewer', from: '2026-03-10', until: '2026-03-12' })).status).toBe(201);
    await caughtUp(api, 'delegations');
    const [held] = await listed('sales', 'onboarding.sales');
    expect(held).toMatchObject({ instanceId: 'ra-1', assignee: 'sales2', onBehalfOf: 'sales2' });
    const detail = await as('sales', 'GET', `/tasks/${held.taskId}`);
    expect(detail.body.commands.find((c: any) => c.command === 'ApproveStep')).toMatchObject({ allowed: true });
    // never to someone the step's rules refuse: the application's own manager holds no sales role
    const own = await as('admin', 'POST', `/tasks/${task.taskId}/reassign`, { to: 'manager' });
    expect({ status: own.status, rule: own.body.rule }).toEqual({ status: 422, rule: 'R-ONB-3' });
  });
});
