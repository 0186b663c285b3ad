import { z } from 'zod';

/**
 * What a task reminder or escalation carries (issue 15: the task engine emits `TaskReminded` and
 * `TaskEscalated` with this data). Declared here as the outbox's side of the contract: the
 * renderer reads these fields, and an event that does not match is rendered generically.
 */
export const TaskNotice = z.object({
  taskId: z.string(),
  taskType: z.string(),
  workflow: z.string(),
  instanceId: z.string(),
  step: z.string(),
  /** Chinese, as the task declares it */
  title: z.string(),
  subject: z.object({ customerId: z.string().nullable(), name: z.string().nullable() }),
  dueAt: z.string().nullable(),
  /** the console path of the task's page, e.g. `/complaints/c-1` */
  link: z.string(),
  notifyUsers: z.array(z.string()),
  notify: z.array(z.string()),
  policyVersion: z.string(),
});
export type TaskNotice = z.infer<typeof TaskNotice>;

export const TASK_NOTICE_TYPES = ['TaskReminded', 'TaskEscalated'] as const;
