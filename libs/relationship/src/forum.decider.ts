import { DomainRuleViolation, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { actingRole, MINUTE_KEEPER_ROLES, RelationshipRule } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import type { ForumCommand } from './forum.commands';
import type { ForumEvent } from './forum.events';

/** R-FORUM-1: minutes are filed after the forum was held, by the sales department. */
export function decideForum(command: ForumCommand, state: WorkflowState<unknown>): ForumEvent[] {
  if (state.state !== 'none') throw new TransitionNotAllowed('customer-forum', state.state, command.type);
  const { actor, now } = command.meta;
  const role = actingRole(actor, MINUTE_KEEPER_ROLES, RelationshipRule.forum, 'filing forum minutes');
  const d = command.data;
  if (d.heldOn > beijingDateOf(now)) throw new DomainRuleViolation(RelationshipRule.forum, `heldOn ${d.heldOn} is after the day the minutes are filed`, 'heldOn');
  return [{ type: 'ForumMinutesFiled', data: { ...d, year: yearOf(d.heldOn), by: actor.id, role, at: now } }];
}
