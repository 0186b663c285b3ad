import { taskEventSchemas } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { TASK_EXCLUSIONS_TABLE, TASK_ROLES_TABLE, TASKS_TABLE } from '../../src/tasks/task.tables';
import { taskProjection } from '../../src/tasks/task.projection';
import { describeReadModels } from '../support/read-model-replay';

const AT = '2026-03-09T01:00:00.000Z';
const ref = (taskId: string) => ({ taskId, taskType: 'onboarding.sales', workflow: 'onboarding', instanceId: 'app-1' });
const opened = (taskId: string) => ({
  ...ref(taskId), key: '', step: 'sales', title: '开户申请待销售部审核', roles: ['sales_reviewer'], assignee: null, excluded: ['manager'], delegable: true,
  commands: ['ApproveStep', 'RejectStep'], subject: { customerId: null, name: '宁波甬兴塑业' }, link: { console: '/#/inbox/app-1', api: '/applications/app-1' },
  openedAt: AT, dueAt: null, remindAt: '2026-03-10T01:00:00.000Z', escalateAt: null,
  policy: { version: 'onboarding-tasks-2026-12', remindAfterWorkingDays: 1, escalateAfterWorkingDays: null, escalateTo: null },
});
const notice = (taskId: string) => ({ ...ref(taskId), step: 'sales', title: '开户申请待销售部审核', subject: { customerId: null, name: '宁波甬兴塑业' }, dueAt: null, link: '/#/inbox/app-1', notifyUsers: [], notify: ['sales_reviewer'], policyVersion: 'onboarding-tasks-2026-12' });

/** The task facts of one application, each checked against its zod schema first (what the engine writes). */
function history(): StoredEvent[] {
  const facts: Array<[keyof typeof taskEventSchemas, object]> = [
    ['TaskOpened', opened('t-1')],
    ['TaskUpdated', { ...ref('t-1'), roles: ['sales_reviewer'], assignee: 'sales2', excluded: ['manager', 'sales'], dueAt: null, at: AT }],
    ['TaskReminded', notice('t-1')],
    ['TaskCompleted', { ...ref('t-1'), by: 'sales2', byName: '销售二', onBehalfOf: null, commandType: 'ApproveStep', eventTypes: ['SalesReviewApproved'], at: AT }],
    ['TaskOpened', opened('t-2')],
    ['TaskCancelled', { ...ref('t-2'), by: 'manager', commandType: 'WithdrawApplication', eventTypes: ['ApplicationWithdrawn'], at: AT }],
    ['TaskOpened', opened('t-3')],
    ['TaskReassigned', { ...ref('t-3'), from: null, to: 'sales', by: 'admin', reason: null, at: AT }],
  ];
  return facts.map(([type, data], i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    type,
    data: taskEventSchemas[type].parse(data) as StoredEvent['data'],
    metadata: { actor: 'x', correlationId: 'corr', causationId: null, occurredAt: AT, schemaVersion: 1 },
    streamId: 'onboarding-app-1', revision: i, position: i + 1, recordedAt: AT, hash: `hash-${i}`,
  }));
}

describeReadModels('tasks projection (issue 15)', [taskProjection], (replay) => {
  it('a task replayed twice, events in any number of passes, changes nothing (thenNotUpdated)', async () => {
    await replay.expectReplayTwiceUnchanged(history());
  });

  it('keeps closed tasks with who closed them and how; only open tasks have holders', async () => {
    const db = replay.readModels.db;
    const rows = await db.selectFrom(TASKS_TABLE).select(['task_id', 'status', 'assignee', 'closed_by', 'closed_command', 'reminded_at']).orderBy('task_id').execute();
    expect(rows).toEqual([
      { task_id: 't-1', status: 'completed', assignee: 'sales2', closed_by: 'sales2', closed_command: 'ApproveStep', reminded_at: AT },
      { task_id: 't-2', status: 'cancelled', assignee: null, closed_by: 'manager', closed_command: 'WithdrawApplication', reminded_at: null },
      { task_id: 't-3', status: 'open', assignee: 'sales', closed_by: null, closed_command: null, reminded_at: null },
    ]);
    expect((await db.selectFrom(TASK_ROLES_TABLE).select(['task_id', 'role']).execute())).toEqual([{ task_id: 't-3', role: 'sales_reviewer' }]);
    expect((await db.selectFrom(TASK_EXCLUSIONS_TABLE).select(['task_id', 'user_id']).execute())).toEqual([{ task_id: 't-3', user_id: 'manager' }]);
  });
});
