import { and, assign, setup } from 'xstate';
import { INITIAL_PLAN_CONTEXT, type PlanContext } from './plan.context';
import type { PlanEvent } from './plan.events';
import { evolvePlan } from './plan.evolve';
import { planGuards } from './plan.guards';

type Guard = keyof typeof planGuards;
const on = (guards: Guard[], target?: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  ...(target ? { target } : {}),
});

const monthlyReport = on(['actsAsDrafter', 'isNewMonthlyReport', 'reportsWhatIsRecorded']);
const converted = on(['convertsOwnTargets']);

const plan = setup({
  types: { context: {} as PlanContext, events: {} as PlanEvent },
  guards: planGuards,
  actions: { evolve: assign(({ context, event }) => evolvePlan(context, event)) },
});

/**
 * A quarter's customer development plan (客户开发计划, R-DEV-2/3, 第七条/第八条): drafted by the
 * sales department, approved by the department head and then the managers' meeting; once approved,
 * progress is reported against its targets until its deadline concludes it; at the quarter's end
 * the sales department assesses each customer manager the targets were split to (R-DEV-2 考核兑现).
 */
export const planMachine = plan.createMachine({
  id: 'developmentPlan',
  initial: 'none',
  context: INITIAL_PLAN_CONTEXT,
  states: {
    none: { on: { DevelopmentPlanDrafted: on(['actsAsDrafter', 'deadlineAhead'], 'draft') } },
    draft: {
      on: {
        DevelopmentTargetConverted: converted,
        DevelopmentPlanRevised: on(['actsAsDrafter', 'deadlineAhead']),
        DevelopmentPlanSubmitted: on(['actsAsDrafter'], 'review.departmentHead'),
      },
    },
    review: {
      initial: 'departmentHead',
      on: { DevelopmentTargetConverted: converted },
      states: {
        departmentHead: {
          on: {
            DevelopmentPlanApprovedByDepartmentHead: on(['isDepartmentHead', 'isNotAuthor'], 'managersMeeting'),
            DevelopmentPlanReturned: on(['isDepartmentHead', 'atDepartmentHeadStage'], '#developmentPlan.draft'),
            DevelopmentPlanRejected: on(['isDepartmentHead', 'atDepartmentHeadStage'], '#developmentPlan.rejected'),
          },
        },
        managersMeeting: {
          on: {
            DevelopmentPlanApprovedByManagersMeeting: on(['isMeetingChair', 'isNotAuthor', 'meetingHeld'], '#developmentPlan.approved'),
            DevelopmentPlanReturned: on(['isMeetingChair', 'atMeetingStage'], '#developmentPlan.draft'),
            DevelopmentPlanRejected: on(['isMeetingChair', 'atMeetingStage'], '#developmentPlan.rejected'),
          },
        },
      },
    },
    approved: {
      on: {
        DevelopmentProgressRecorded: on(['actsAsDrafter', 'isPlanTarget', 'isNewEntry', 'periodStarted']),
        DevelopmentMonthlyReportSubmitted: monthlyReport,
        DevelopmentTargetConverted: converted,
        DevelopmentPlanDeadlinePassed: on(['isDueDeadline'], 'concluded'),
      },
    },
    rejected: { type: 'final' },
    /** the deadline passed; at the quarter's end the assessment opens (R-DEV-2 考核兑现) */
    concluded: {
      on: {
        DevelopmentMonthlyReportSubmitted: monthlyReport,
        DevelopmentTargetConverted: converted,
        DevelopmentAssessmentOpened: on(['opensDueAssessment'], 'assessment'),
      },
    },
    /** the sales department assesses each manager the targets were split to; done when none is left */
    assessment: {
      on: {
        DevelopmentMonthlyReportSubmitted: monthlyReport,
        CustomerManagerAssessed: on(['isAssessor', 'assessesAnother']),
        DevelopmentAssessmentCompleted: on(['everyoneAssessed'], 'assessed'),
      },
    },
    assessed: { type: 'final' },
  },
});
