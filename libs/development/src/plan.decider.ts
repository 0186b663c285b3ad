import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, type Actor, type WorkflowState } from '@crm/workflow-kit';
import {
  actingRole, DEPARTMENT_HEAD_ROLE, DevelopmentRule, isAtOrBefore, MEETING_CHAIR_ROLE, PLAN_DRAFTER_ROLES,
} from './development.rules';
import type { PlanCommand, PlanCommandOf } from './plan.commands';
import type { PlanContext } from './plan.context';
import type { PlanEvent } from './plan.events';
import { assessManager, openAssessment, recordConversion } from './plan.assessment';
import { submitMonthlyReport } from './plan.reports';
import { deadlineVerdict, periodStart } from './plan.rules';
import { beijingDate } from './report-weeks';

type Stage = 'departmentHead' | 'managersMeeting';
const STAGE_ROLE = { departmentHead: DEPARTMENT_HEAD_ROLE, managersMeeting: MEETING_CHAIR_ROLE } as const;
const stageOf = (state: string): Stage | null =>
  state === 'review.departmentHead' ? 'departmentHead' : state === 'review.managersMeeting' ? 'managersMeeting' : null;

/** The development-plan decider; the machine's guards re-check every event it produces. */
export function decidePlan(command: PlanCommand, state: WorkflowState<PlanContext>): PlanEvent[] {
  if (state.state === 'none' && command.type !== 'DraftDevelopmentPlan') throw new TransitionNotAllowed('developmentPlan', state.state, command.type);
  const { actor, now: at } = command.meta;
  const context = state.context;
  switch (command.type) {
    case 'DraftDevelopmentPlan': {
      const role = actingRole(actor, PLAN_DRAFTER_ROLES, DevelopmentRule.plan, 'drafting a development plan');
      assertDeadlineAhead(command.data.deadline, at);
      return [{ type: 'DevelopmentPlanDrafted', data: { ...command.data, by: actor.id, role, at } }];
    }
    case 'ReviseDevelopmentPlan': {
      const role = actingRole(actor, PLAN_DRAFTER_ROLES, DevelopmentRule.plan, 'revising a development plan');
      assertDeadlineAhead(command.data.deadline, at);
      return [{ type: 'DevelopmentPlanRevised', data: { ...command.data, by: actor.id, role, at } }];
    }
    case 'SubmitDevelopmentPlan': {
      const role = actingRole(actor, PLAN_DRAFTER_ROLES, DevelopmentRule.plan, 'submitting a development plan');
      return [{ type: 'DevelopmentPlanSubmitted', data: { by: actor.id, role, at } }];
    }
    case 'ApproveAsDepartmentHead': {
      const role = reviewer(actor, context, state.state, 'departmentHead', 'approving as department head');
      return [{ type: 'DevelopmentPlanApprovedByDepartmentHead', data: { comment: command.data.comment ?? null, by: actor.id, role, at } }];
    }
    case 'RecordManagersMeetingApproval': {
      const role = reviewer(actor, context, state.state, 'managersMeeting', "recording the managers' meeting approval");
      if (!isAtOrBefore(command.data.heldAt, at)) throw new DomainRuleViolation(DevelopmentRule.plan, 'the meeting is recorded once it has been held', 'heldAt');
      return [{ type: 'DevelopmentPlanApprovedByManagersMeeting', data: { ...command.data, by: actor.id, role, at } }];
    }
    case 'ReturnDevelopmentPlan':
    case 'RejectDevelopmentPlan': {
      const stage = currentStage(state.state, command.type);
      const role = actingRole(actor, [STAGE_ROLE[stage]], DevelopmentRule.plan, `deciding at the ${stage} step`);
      const type = command.type === 'ReturnDevelopmentPlan' ? 'DevelopmentPlanReturned' : 'DevelopmentPlanRejected';
      return [{ type, data: { stage, reason: command.data.reason, by: actor.id, role, at } }];
    }
    case 'RecordDevelopmentProgress':
      return recordProgress(command, context);
    case 'SubmitMonthlyDevelopmentReport':
      return submitMonthlyReport(command, context);
    case 'MarkPlanDeadlinePassed':
      return deadlinePassed(command, state);
    case 'RecordTargetConversion':
      return recordConversion(command, state);
    case 'OpenDevelopmentAssessment':
      return openAssessment(command, state);
    case 'AssessCustomerManager':
      return assessManager(command, context);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}

function assertDeadlineAhead(deadline: string, now: string): void {
  if (isAtOrBefore(deadline, now)) throw new DomainRuleViolation(DevelopmentRule.plan, 'the plan deadline must lie ahead', 'deadline');
}

function currentStage(state: string, commandType: string): Stage {
  const stage = stageOf(state);
  if (!stage) throw new TransitionNotAllowed('developmentPlan', state, commandType);
  return stage;
}

/** R-DEV-2 + DEV-SELF: the step's role, and nobody who drafted or revised the plan. */
function reviewer(actor: Actor, context: PlanContext, state: string, stage: Stage, what: string) {
  if (stageOf(state) !== stage) throw new TransitionNotAllowed('developmentPlan', state, what);
  const role = actingRole(actor, [STAGE_ROLE[stage]], DevelopmentRule.plan, what);
  if (context.authors.includes(actor.id)) throw new NotPermitted(DevelopmentRule.selfApproval, 'nobody approves a development plan they drafted or revised');
  return role;
}

/** R-DEV-3: a progress entry against one of the plan's targets. */
function recordProgress(command: PlanCommandOf<'RecordDevelopmentProgress'>, context: PlanContext): PlanEvent[] {
  const { actor, now: at } = command.meta;
  const role = actingRole(actor, PLAN_DRAFTER_ROLES, DevelopmentRule.progress, 'reporting development progress');
  const { entryId, targetId, period, summary, achieved, problems, supportNeeded } = command.data;
  const target = context.content?.targets.find((t) => t.targetId === targetId);
  if (!target) throw new DomainRuleViolation(DevelopmentRule.progress, `the plan has no target ${targetId}`, 'targetId');
  if (context.entryIds.includes(entryId)) throw new DomainRuleViolation(DevelopmentRule.progress, `entry ${entryId} is already recorded`, 'entryId');
  if (periodStart(period) > beijingDate(at)) throw new DomainRuleViolation(DevelopmentRule.progress, 'progress is reported for a period that has begun', 'period');
  return [{
    type: 'DevelopmentProgressRecorded',
    data: {
      entryId, targetId, prospectId: target.prospectId, period, summary, achieved, problems: problems ?? null, supportNeeded: supportNeeded ?? null, by: actor.id, role, at,
    },
  }];
}

/** DEV-TIMER: a firing for a deadline no longer in force, or on a plan not running, does nothing. */
function deadlinePassed(command: PlanCommandOf<'MarkPlanDeadlinePassed'>, state: WorkflowState<PlanContext>): PlanEvent[] {
  const { actor, now: at } = command.meta;
  if (!actor.system) throw new NotPermitted(DevelopmentRule.timer, 'the plan deadline is fired by the scheduler only');
  const { deadline } = command.data;
  const context = state.context;
  if (state.state !== 'approved' || context.content?.deadline !== deadline || context.deadlinePassedFor === deadline) return [];
  if (!isAtOrBefore(deadline, at)) throw new DomainRuleViolation(DevelopmentRule.timer, `fired at ${at}, before the deadline ${deadline}`);
  return [{ type: 'DevelopmentPlanDeadlinePassed', data: { deadline, ...deadlineVerdict(context), at } }];
}
