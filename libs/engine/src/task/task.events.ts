import { Role } from '@crm/workflow-kit';
import { z } from 'zod';

/**
 * The engine's human-task facts (docs/event-catalogue/tasks.md), written into the workflow's own
 * stream in the same append as the decision that opened or closed the task; the machine never
 * sees them. Declared once here; the tasks projection reads their inferred types.
 */
const Id = z.string().min(1).max(200);
const Instant = z.string().min(1).max(40);
const People = z.array(Id).max(200);
const Subject = z.object({ customerId: Id.nullable(), name: z.string().max(200).nullable() });
const Link = z.object({ console: z.string().max(500), api: z.string().max(500) });
const Policy = z.object({
  version: z.string().max(100),
  remindAfterWorkingDays: z.number().int().min(0).nullable(),
  escalateAfterWorkingDays: z.number().int().min(0).nullable(),
  escalateTo: Role.nullable(),
});
const Holders = { roles: z.array(Role).max(10), assignee: Id.nullable(), excluded: People };
const TaskRef = { taskId: Id, taskType: z.string().max(100), workflow: z.string().max(100), instanceId: Id };

export const TaskOpened = z.object({
  ...TaskRef,
  key: z.string().max(200),
  step: z.string().max(100),
  title: z.string().max(200),
  ...Holders,
  delegable: z.boolean(),
  commands: z.array(z.string().max(100)).min(1).max(20),
  subject: Subject,
  link: Link,
  openedAt: Instant,
  dueAt: Instant.nullable(),
  remindAt: Instant.nullable(),
  escalateAt: Instant.nullable(),
  policy: Policy,
});
export type TaskOpened = z.infer<typeof TaskOpened>;

/** The workflow changed who may complete the open task (onboarding's own reassignment, a new exclusion) or its due time (an extension). */
export const TaskUpdated = z.object({ ...TaskRef, ...Holders, dueAt: Instant.nullable(), at: Instant });
export type TaskUpdated = z.infer<typeof TaskUpdated>;

/** An administrator handed the task to a person the guards allow (the engine's own assignee). */
export const TaskReassigned = z.object({ ...TaskRef, from: Id.nullable(), to: Id, by: Id, reason: z.string().max(2000).nullable(), at: Instant });
export type TaskReassigned = z.infer<typeof TaskReassigned>;

/** The task's command was decided: who (and for whom, under a delegation), how, when. */
export const TaskCompleted = z.object({
  ...TaskRef,
  by: Id,
  byName: z.string().max(100).nullable(),
  onBehalfOf: Id.nullable(),
  commandType: z.string().max(100),
  eventTypes: z.array(z.string().max(100)).max(50),
  at: Instant,
});
export type TaskCompleted = z.infer<typeof TaskCompleted>;

/** The state moved on through another command (withdrawn, reclassified): the task closes without being done. */
export const TaskCancelled = z.object({ ...TaskRef, by: Id, commandType: z.string().max(100), eventTypes: z.array(z.string().max(100)).max(50), at: Instant });
export type TaskCancelled = z.infer<typeof TaskCancelled>;

/** What the notification outbox tells people (the shape issue 15 fixes for both). */
export const TaskNotice = z.object({
  ...TaskRef,
  step: z.string().max(100),
  title: z.string().max(200),
  subject: Subject,
  dueAt: Instant.nullable(),
  link: z.string().max(500),
  notifyUsers: People,
  notify: z.array(z.string().max(100)).max(20),
  policyVersion: z.string().max(100),
});
export const TaskReminded = TaskNotice;
export type TaskReminded = z.infer<typeof TaskReminded>;
export const TaskEscalated = TaskNotice;
export type TaskEscalated = z.infer<typeof TaskEscalated>;

export const taskEventSchemas = { TaskOpened, TaskUpdated, TaskReassigned, TaskCompleted, TaskCancelled, TaskReminded, TaskEscalated };
