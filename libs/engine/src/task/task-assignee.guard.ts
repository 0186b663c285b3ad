import { type AnyCommand, NotPermitted } from '@crm/workflow-kit';
import type { OpenTaskFact } from './task-facts';

/** Whether `delegateId` may act for `delegatorId` in one of `roles` at `now` (the service's delegations read model). */
export type DelegationLookup = (delegateId: string, delegatorId: string, roles: readonly string[], now: string) => Promise<boolean>;

export const TASK_ASSIGNEE_RULE = 'TASK-ASSIGNEE';

/**
 * A task an administrator handed to a person (TaskReassigned) is completed by that person, or by
 * whoever holds a delegation from them when the task is delegable; returns whom the actor acts for.
 * A workflow's own assignee (onboarding's ReassignStep) is its machine's to check.
 */
export async function checkTaskAssignee(command: AnyCommand, open: ReadonlyMap<string, OpenTaskFact>, delegations?: DelegationLookup): Promise<string | null> {
  const actor = command.meta.actor;
  if (actor.system) return null;
  for (const task of open.values()) {
    const assignee = task.engineAssignee;
    if (!assignee || !task.commands.includes(command.type) || assignee === actor.id) continue;
    if (task.delegable && delegations && (await delegations(actor.id, assignee, task.roles, command.meta.now))) return assignee;
    throw new NotPermitted(TASK_ASSIGNEE_RULE, `the task "${task.title}" was reassigned to ${assignee}; only they (or their delegate) complete it`);
  }
  return null;
}
