import type { StoredEvent } from '@crm/event-store';
import { type AnyCommand, type AnyWorkflow, taskDeclaration } from '@crm/workflow-kit';
import { taskFactsOf } from './task-facts';
import { TaskAlreadyCompleted } from './task.errors';

const aimsAt = (workflow: AnyWorkflow, taskType: string, commands: readonly string[], command: AnyCommand): boolean =>
  commands.includes(command.type) && (taskDeclaration(workflow, taskType)?.targets?.(command.data ?? {}) ?? true);

/**
 * Whether a refused command aimed at a task that is closed now, completed by someone: then the
 * refusal is "already done" (409 naming who), not a rule the caller broke. A task the command aims
 * at that is still open keeps the original refusal (it is the caller's own, e.g. segregation of duties).
 */
export function alreadyCompleted(workflow: AnyWorkflow, events: readonly StoredEvent[], command: AnyCommand): TaskAlreadyCompleted | null {
  const { open, closed } = taskFactsOf(events);
  if ([...open.values()].some((t) => aimsAt(workflow, t.taskType, t.commands, command))) return null;
  const done = [...closed].reverse().find((c) => c.completed && aimsAt(workflow, c.opened.taskType, c.opened.commands, command));
  if (!done?.completed) return null;
  const actor = command.meta.actor;
  // only a would-be holder learns who did it; anyone else keeps the plain refusal
  const couldHold = done.opened.roles.some((r) => actor.roles.includes(r)) || done.opened.assignee === actor.id;
  return couldHold ? new TaskAlreadyCompleted(done.opened.step, done.completed) : null;
}
