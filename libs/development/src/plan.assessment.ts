import { DomainRuleViolation, NotPermitted, type WorkflowState } from '@crm/workflow-kit';
import { actingRole, ASSESSOR_ROLE, DevelopmentRule, isAtOrBefore } from './development.rules';
import type { PlanCommandOf } from './plan.commands';
import { completionByManager, managersYetToAssess, quarterEnd } from './plan.completion';
import type { PlanContext } from './plan.context';
import type { PlanEvent } from './plan.events';

const RUNNING = new Set(['draft', 'review.departmentHead', 'review.managersMeeting', 'approved', 'concluded']);

/** R-DEV-2: the conversion process tells the plan a target's prospect converted; once per target, on a plan still running. */
export function recordConversion(command: PlanCommandOf<'RecordTargetConversion'>, state: WorkflowState<PlanContext>): PlanEvent[] {
  const { actor, now: at } = command.meta;
  if (!actor.system) throw new NotPermitted(DevelopmentRule.plan, 'conversions are recorded by the conversion process only');
  const { prospectId, applicationId, convertedAt } = command.data;
  const counted = new Set(state.context.conversions.map((c) => c.targetId));
  const targetIds = (state.context.content?.targets ?? []).filter((t) => t.prospectId === prospectId && !counted.has(t.targetId)).map((t) => t.targetId);
  if (!RUNNING.has(state.state) || targetIds.length === 0) return [];
  return [{ type: 'DevelopmentTargetConverted', data: { targetIds, prospectId, applicationId, convertedAt, at } }];
}

/** R-DEV-2 + DEV-TIMER: at quarter end a concluded plan opens the assessment; a stale firing does nothing. */
export function openAssessment(command: PlanCommandOf<'OpenDevelopmentAssessment'>, state: WorkflowState<PlanContext>): PlanEvent[] {
  const { actor, now: at } = command.meta;
  if (!actor.system) throw new NotPermitted(DevelopmentRule.timer, 'the assessment is opened by the scheduler at quarter end only');
  const context = state.context;
  const quarter = context.content?.quarter;
  if (state.state !== 'concluded' || !quarter || context.assessment || quarterEnd(quarter) !== command.data.quarterEnd) return [];
  if (!isAtOrBefore(command.data.quarterEnd, at)) throw new DomainRuleViolation(DevelopmentRule.timer, `fired at ${at}, before the quarter ends at ${command.data.quarterEnd}`);
  const managers = completionByManager(context);
  const opened: PlanEvent = { type: 'DevelopmentAssessmentOpened', data: { quarter, quarterEnd: command.data.quarterEnd, managers, at } };
  // a plan whose targets were split to nobody (drafted before ADR 0027) has no one to assess
  return managers.length === 0 ? [opened, { type: 'DevelopmentAssessmentCompleted', data: { results: [], at } }] : [opened];
}

/** R-DEV-2 考核兑现: the sales department assesses one manager at a time, never themselves, on the completion on record. */
export function assessManager(command: PlanCommandOf<'AssessCustomerManager'>, context: PlanContext): PlanEvent[] {
  const { actor, now: at } = command.meta;
  const role = actingRole(actor, [ASSESSOR_ROLE], DevelopmentRule.plan, 'assessing a customer manager on the plan');
  const { customerManagerId, result, comment, payoutYuan } = command.data;
  if (customerManagerId === actor.id) throw new NotPermitted(DevelopmentRule.plan, 'nobody assesses their own completion');
  const completion = context.assessment?.managers.find((m) => m.customerManagerId === customerManagerId);
  if (!completion) throw new DomainRuleViolation(DevelopmentRule.plan, `${customerManagerId} carries no target of this plan`, 'customerManagerId');
  if (!managersYetToAssess(context).includes(customerManagerId)) throw new DomainRuleViolation(DevelopmentRule.plan, `${customerManagerId} is already assessed`, 'customerManagerId');
  const assessed: PlanEvent = { type: 'CustomerManagerAssessed', data: { customerManagerId, completion, result, comment, payoutYuan: payoutYuan ?? null, by: actor.id, role, at } };
  if (managersYetToAssess(context).length > 1) return [assessed];
  const results = [...context.assessed.map((a) => ({ customerManagerId: a.customerManagerId, result: a.result })), { customerManagerId, result }];
  return [assessed, { type: 'DevelopmentAssessmentCompleted', data: { results, at } }];
}
