import type { PlanContext } from './plan.context';
import type { PlanEvent } from './plan.events';
import { monthOfPeriod } from './plan.rules';

const withAuthor = (authors: string[], by: string) => (authors.includes(by) ? authors : [...authors, by]);

/** How each plan event changes the context (the machine's only action). */
export function evolvePlan(context: PlanContext, event: PlanEvent): PlanContext {
  switch (event.type) {
    case 'DevelopmentPlanDrafted': {
      const { planId, by, quarter, deadline, budgetYuan, targets, supportRequested } = event.data;
      return { ...context, planId, content: { quarter, deadline, budgetYuan, targets, supportRequested }, authors: withAuthor(context.authors, by) };
    }
    case 'DevelopmentPlanRevised': {
      const { by, quarter, deadline, budgetYuan, targets, supportRequested } = event.data;
      return { ...context, content: { quarter, deadline, budgetYuan, targets, supportRequested }, authors: withAuthor(context.authors, by) };
    }
    case 'DevelopmentPlanApprovedByDepartmentHead':
      return { ...context, departmentHeadApproval: { by: event.data.by, at: event.data.at } };
    case 'DevelopmentPlanApprovedByManagersMeeting':
      return { ...context, meetingApproval: { by: event.data.by, at: event.data.at, heldAt: event.data.heldAt } };
    case 'DevelopmentPlanReturned':
      return { ...context, departmentHeadApproval: null };
    case 'DevelopmentProgressRecorded': {
      const { entryId, targetId, achieved, period } = event.data;
      const achievedTargets = achieved && !context.achievedTargets.includes(targetId) ? [...context.achievedTargets, targetId] : context.achievedTargets;
      return { ...context, entryIds: [...context.entryIds, entryId], entries: [...context.entries, { entryId, month: monthOfPeriod(period) }], achievedTargets };
    }
    case 'DevelopmentMonthlyReportSubmitted':
      return { ...context, monthlyReports: [...context.monthlyReports, event.data.month] };
    case 'DevelopmentTargetConverted':
      return { ...context, conversions: [...context.conversions, ...event.data.targetIds.map((targetId) => ({ targetId, convertedAt: event.data.convertedAt }))] };
    case 'DevelopmentAssessmentOpened':
      return { ...context, assessment: { quarterEnd: event.data.quarterEnd, managers: event.data.managers } };
    case 'CustomerManagerAssessed':
    {
      const { customerManagerId, result, comment, payoutYuan, by, at } = event.data;
      return { ...context, assessed: [...context.assessed, { customerManagerId, result, comment, payoutYuan, by, at }] };
    }
    case 'DevelopmentPlanDeadlinePassed':
      return { ...context, deadlinePassedFor: event.data.deadline };
    default:
      return context;
  }
}
