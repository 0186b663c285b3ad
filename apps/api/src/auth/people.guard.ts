import type { CommandGuard } from '@crm/engine';
import { DomainRuleViolation, incompatibleRoles, NotPermitted } from '@crm/workflow-kit';
import type { UserDirectory } from './user-directory';

export const PERSON_RULE = 'PERSON-ROLE';
export const SEPARATION_RULE = 'SOD-ROLES';

/**
 * Every person a command names for a part (its workflow's `peopleOf`) is, as the command is decided,
 * a registered, active user holding one of the part's roles. Read from the users' own streams, so a
 * role removed or an account disabled a moment ago counts at once.
 */
export function peopleGuard(users: UserDirectory): CommandGuard {
  return async (workflow, command, state) => {
    for (const ref of workflow.peopleOf?.(command, state) ?? []) {
      const user = await users.current(ref.userId);
      if (user && !user.disabled && ref.roles.some((role) => user.roles.includes(role))) continue;
      const why = !user ? 'is not a user' : user.disabled ? 'is disabled' : `does not hold the role ${ref.roles.join(' or ')}`;
      throw new DomainRuleViolation(ref.ruleId, `${ref.userId} ${why}: the part needs an active ${ref.roles.join(' or ')}`, ref.field);
    }
  };
}

/**
 * Segregation of duties on the acting person: someone holding roles that must stay apart (an
 * administrator who can also approve) decides nothing until an administrator separates them. The
 * user directory refuses to create such a person; this covers accounts from before that rule.
 */
export const separationGuard: CommandGuard = (_workflow, command) => {
  const actor = command.meta.actor;
  const clash = actor.system ? null : incompatibleRoles(actor.roles);
  if (clash) throw new NotPermitted(SEPARATION_RULE, `${actor.id} holds both ${clash[0]} and ${clash[1]}, which one person may not hold together`);
};
