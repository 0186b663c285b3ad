import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import type { VisitPlanCommand } from './visit-plan.commands';
import type { VisitPlanContext } from './visit-plan.context';
import type { VisitPlanEvent } from './visit-plan.events';
import { actingRole, PLAN_APPROVER_ROLES, RelationshipRule, VISITOR_ROLES } from './relationship.rules';

/**
 * R-VISIT-1 decider. The machine re-checks every event; the checks here refuse early with the rule
 * id. Whether the plan's customers exist and are the manager's own is read by the caller first.
 */
export function decideVisitPlan(command: VisitPlanCommand, state: WorkflowState<VisitPlanContext>): VisitPlanEvent[] {
  if (state.state === 'none' && command.type !== 'DraftVisitPlan') throw new TransitionNotAllowed('visit-plan', state.state, command.type);
  const { actor, now } = command.meta;
  const context = state.context;
  const owner = (what: string) => {
    const role = actingRole(actor, VISITOR_ROLES, RelationshipRule.visitPlan, what);
    if (actor.id !== context.managerId) throw new NotPermitted(RelationshipRule.visitPlan, `the plan belongs to ${context.managerId}; only its manager may ${what}`);
    return { by: actor.id, role, at: now };
  };
  const head = (what: string) => {
    const role = actingRole(actor, PLAN_APPROVER_ROLES, RelationshipRule.visitPlan, what);
    if (actor.id === context.managerId) throw new NotPermitted(RelationshipRule.selfApproval, 'a manager does not decide on their own plan');
    return { by: actor.id, role, at: now };
  };
  switch (command.type) {
    case 'DraftVisitPlan': {
      const role = actingRole(actor, VISITOR_ROLES, RelationshipRule.visitPlan, 'drafting a visit plan');
      return [{ type: 'VisitPlanDrafted', data: { ...command.data, managerId: actor.id, by: actor.id, role, at: now } }];
    }
    case 'ReviseVisitPlan':
      return [{ type: 'VisitPlanRevised', data: { items: command.data.items, ...owner('revise the plan') } }];
    case 'SubmitVisitPlan':
      if (context.items.length === 0) throw new DomainRuleViolation(RelationshipRule.visitPlan, 'a plan without customers cannot be submitted', 'items');
      return [{ type: 'VisitPlanSubmitted', data: { itemCount: context.items.length, ...owner('submit the plan') } }];
    case 'ApproveVisitPlan':
      return [{ type: 'VisitPlanApproved', data: { comment: command.data.comment ?? null, ...head('approving a visit plan') } }];
    case 'ReturnVisitPlan':
      return [{ type: 'VisitPlanReturned', data: { reason: command.data.reason, ...head('returning a visit plan') } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
