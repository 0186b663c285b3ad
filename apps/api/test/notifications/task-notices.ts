import { randomUUID } from 'node:crypto';
import type { TaskNotice } from '../../src/notifications/task-notice.schema';
import type { TestApi } from '../support/test-api';

/**
 * Appends a `TaskReminded` or `TaskEscalated` by hand, exactly as the task engine will (issue 15
 * gives the shape), on the task's own stream, by the scheduler: the outbox must handle it
 * without the task engine being there.
 */
export async function appendTaskNotice(api: TestApi, type: 'TaskReminded' | 'TaskEscalated', notice: Partial<TaskNotice> & Pick<TaskNotice, 'taskId'>): Promise<{ position: number; eventId: string }> {
  const data: TaskNotice = {
    taskType: 'complaint.approve-resolution',
    workflow: 'complaint',
    instanceId: 'c-1',
    step: '审批投诉处理方案',
    title: '审批投诉处理方案',
    subject: { customerId: null, name: null },
    dueAt: '2026-10-10T02:00:00.000Z',
    link: '/complaints/c-1',
    notifyUsers: [],
    notify: [],
    policyVersion: 'tasks-2026-1',
    ...notice,
  };
  const eventId = randomUUID();
  const { position } = await api.store.appendToStream(`task-${notice.taskId}`, [
    {
      id: eventId,
      type,
      data: data as never,
      metadata: { actor: 'system:scheduler', correlationId: randomUUID(), causationId: null, occurredAt: api.clock.now().toISOString(), schemaVersion: 1 },
    },
  ]);
  return { position, eventId };
}
