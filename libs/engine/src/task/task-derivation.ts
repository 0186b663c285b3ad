import { type AnyCommand, type AnyWorkflow, type DeadlineSpec, type DeclaredTask, declaredTasks, type DomainEvent, type WorkflowState } from '@crm/workflow-kit';
import { uuidV5 } from '../workflow/uuid-v5';
import type { OpenTaskFact } from './task-facts';
import type { TaskCompleted, TaskOpened, TaskUpdated } from './task.events';

/** Working-day arithmetic on the official calendar, handed in by the service (the engine has no calendar of its own). */
export interface TaskCalendar {
  addWorkingDays(start: string, workingDays: number): string;
}

export const REMIND_TASK = 'RemindTask';
export const ESCALATE_TASK = 'EscalateTask';

export interface TaskDerivation {
  events: DomainEvent<string, any>[];
  scheduled: DeadlineSpec[];
  cancelled: DeadlineSpec[];
}

export interface DerivationInput {
  workflow: AnyWorkflow;
  streamId: string;
  instanceId: string;
  command: AnyCommand;
  open: ReadonlyMap<string, OpenTaskFact>;
  after: WorkflowState<unknown>;
  /** the domain events the decision produced (recorded on the completion: how it was completed) */
  eventTypes: string[];
  /** revision of the first event of this append: a task reopened later gets a new id */
  firstRevision: number;
  onBehalfOf: string | null;
  calendar?: TaskCalendar;
}

const identity = (taskType: string, key: string) => `${taskType}\u0000${key}`;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Diffs the tasks open in the stream against those the declarations open in the decided state:
 * vanished → completed (by one of its commands) or cancelled, new → opened with its due time and
 * idle timers, changed holders → updated. Pure: the same input gives the same facts and ids.
 */
export function deriveTaskEvents(input: DerivationInput): TaskDerivation {
  const declared = new Map(declaredTasks(input.workflow, input.after, input.instanceId).map((t) => [identity(t.taskType, t.key), t]));
  const out: TaskDerivation = { events: [], scheduled: [], cancelled: [] };
  for (const fact of input.open.values()) {
    if (declared.has(identity(fact.taskType, fact.key))) continue;
    out.events.push(closing(fact, input));
    out.cancelled.push(...taskTimers(fact));
  }
  const openIds = new Map([...input.open.values()].map((f) => [identity(f.taskType, f.key), f]));
  for (const [id, task] of declared) {
    const fact = openIds.get(id);
    if (!fact) {
      const opened = openedData(task, input);
      out.events.push({ type: 'TaskOpened', data: opened });
      out.scheduled.push(...taskTimers(opened));
    } else {
      const update = holdersUpdate(fact, task, input.command.meta.now);
      if (update) out.events.push({ type: 'TaskUpdated', data: update });
    }
  }
  return out;
}

function closing(fact: OpenTaskFact, input: DerivationInput): DomainEvent<string, any> {
  const { actor, now } = input.command.meta;
  const ref = { taskId: fact.taskId, taskType: fact.taskType, workflow: fact.workflow, instanceId: fact.instanceId };
  // a task named for one person (a member's vote) is completed only by them or for them; others' closed by the same decision are cancelled
  const holdsIt = fact.assignee === null || fact.assignee === actor.id || input.onBehalfOf === fact.assignee;
  if (!fact.commands.includes(input.command.type) || !holdsIt) {
    return { type: 'TaskCancelled', data: { ...ref, by: actor.id, commandType: input.command.type, eventTypes: input.eventTypes, at: now } };
  }
  const completed: TaskCompleted = {
    ...ref, by: actor.id, byName: actor.name ?? null, onBehalfOf: input.onBehalfOf, commandType: input.command.type, eventTypes: input.eventTypes, at: now,
  };
  return { type: 'TaskCompleted', data: completed };
}

function openedData(task: DeclaredTask, input: DerivationInput): TaskOpened {
  const now = new Date(input.command.meta.now).toISOString();
  const after = (days: number | null) => (days === null || !input.calendar ? null : input.calendar.addWorkingDays(now, days));
  return {
    taskId: uuidV5(`task:${input.streamId}:${task.taskType}:${task.key}:${input.firstRevision}`),
    taskType: task.taskType,
    workflow: input.workflow.name,
    instanceId: input.instanceId,
    key: task.key,
    step: task.step,
    title: task.title,
    roles: [...task.holders.roles],
    assignee: task.holders.assignee,
    excluded: [...new Set(task.holders.excluded)],
    delegable: task.delegable,
    commands: [...task.commands],
    subject: task.subject,
    link: task.link,
    openedAt: now,
    dueAt: task.dueAt ?? after(task.dueWorkingDays),
    remindAt: task.remindAt ?? after(task.reminders.remindAfterWorkingDays),
    escalateAt: after(task.reminders.escalateAfterWorkingDays),
    policy: { ...task.reminders },
  };
}

/** Who may complete it changed (a reassignment the workflow keeps), or the due time it follows moved (an extension). */
function holdersUpdate(fact: OpenTaskFact, task: DeclaredTask, now: string): TaskUpdated | null {
  const assignee = fact.engineAssignee ?? task.holders.assignee;
  const excluded = [...new Set(task.holders.excluded)];
  const dueAt = task.dueAt ?? fact.dueAt;
  if (assignee === fact.assignee && sameList(task.holders.roles, fact.roles) && sameList(excluded, fact.excluded) && dueAt === fact.dueAt) return null;
  return { taskId: fact.taskId, taskType: fact.taskType, workflow: fact.workflow, instanceId: fact.instanceId, roles: [...task.holders.roles], assignee, excluded, dueAt, at: now };
}

/** The idle timers of a task: remind the holder, then escalate to the leader (fired by the scheduler, never XState `after`). */
export function taskTimers(task: Pick<TaskOpened, 'taskId' | 'remindAt' | 'escalateAt'>): DeadlineSpec[] {
  const timers: DeadlineSpec[] = [];
  if (task.remindAt) timers.push({ key: `task-remind-${task.taskId}`, dueAt: task.remindAt, command: { type: REMIND_TASK, data: { taskId: task.taskId } } });
  if (task.escalateAt) timers.push({ key: `task-escalate-${task.taskId}`, dueAt: task.escalateAt, command: { type: ESCALATE_TASK, data: { taskId: task.taskId } } });
  return timers;
}
