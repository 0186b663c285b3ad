import { NotPermitted, type Actor, type Role } from '@crm/workflow-kit';
import { ComplaintRule } from './complaint.rules';

/** The first of the actor's roles that `allowed` lists; refused with `ruleId` otherwise. */
export function actingRole(actor: Actor, allowed: readonly Role[], ruleId: string, what: string): Role {
  const role = actor.roles.find((r) => allowed.includes(r));
  if (!role) throw new NotPermitted(ruleId, `${what} needs one of the roles ${allowed.join(', ')}`);
  return role;
}

/** SLA timers are fired by the scheduler only (an actor with `system: true`). */
export function assertScheduler(actor: Actor): void {
  if (!actor.system) throw new NotPermitted(ComplaintRule.timer, 'SLA timers are fired by the scheduler only');
}
