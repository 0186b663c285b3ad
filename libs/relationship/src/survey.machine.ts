import { and, assign, setup } from 'xstate';
import { hasRole, LEADERSHIP_ROLES, ORGANISER_ROLES, SURVEY_COLLECTOR_ROLES } from './relationship.rules';
import { yearOf } from './relationship.shapes';
import { aggregateSurvey, sameAggregates } from './survey-aggregates';
import { answersFollow } from './survey-questionnaire';
import { INITIAL_SURVEY_CONTEXT, type SurveyContext } from './survey.context';
import type { SurveyEvent } from './survey.events';

type GuardArgs = { context: SurveyContext; event: SurveyEvent };

const surveyGuards = {
  isOrganiser: ({ event }: GuardArgs) => hasRole(event.data.role, ORGANISER_ROLES),
  isCollector: ({ event }: GuardArgs) => hasRole(event.data.role, SURVEY_COLLECTOR_ROLES),
  /** R-SURV-1: a response belongs to its year's campaign, once per customer and response id */
  isNewResponseOfTheYear: ({ context, event }: GuardArgs) =>
    event.type === 'SurveyResponseRecorded' &&
    yearOf(event.data.respondedOn) === context.year &&
    !context.responses.some((r) => r.responseId === event.data.responseId || r.customerId === event.data.customerId),
  /** R-SURV-1: answers to the year's questionnaire, each with the score its scale gives */
  answersFollowQuestionnaire: ({ context, event }: GuardArgs) => event.type === 'SurveyResponseRecorded' && answersFollow(context.questionnaire, event.data.answers),
  /** R-SURV-1: the report's figures are the responses' */
  aggregatesMatchResponses: ({ context, event }: GuardArgs) =>
    event.type === 'SurveyReportIssued' && context.responses.length > 0 && sameAggregates(event.data.aggregates, aggregateSurvey(context.questionnaire, context.responses)),
  /** 提交公司领导审阅 (篇4 第十四条): the report goes to the leadership */
  submittedToLeadership: ({ event }: GuardArgs) => event.type === 'SurveyReportIssued' && event.data.notify !== null && event.data.notify.includes('general_manager'),
  /** v1 reports (upcast), issued before the review step: the only ones that skip it */
  issuedBeforeReviews: ({ event }: GuardArgs) => event.type === 'SurveyReportIssued' && event.data.notify === null,
  notifiesLeadership: ({ context, event }: GuardArgs) =>
    event.type === 'ImprovementPlanSubmitted' && event.data.planNo === context.planCount + 1 && event.data.notify.includes('general_manager'),
  isLeadership: ({ event }: GuardArgs) => hasRole(event.data.role, LEADERSHIP_ROLES),
  isCurrentPlan: ({ context, event }: GuardArgs) =>
    (event.type === 'ImprovementPlanApproved' || event.type === 'ImprovementPlanReturned') && event.data.planNo === context.planCount,
};

function evolve(context: SurveyContext, event: SurveyEvent): Partial<SurveyContext> {
  switch (event.type) {
    case 'SurveyCampaignOpened':
      return { year: event.data.year, questionnaire: event.data.questionnaire };
    case 'SurveyResponseRecorded': {
      const { responseId, customerId, channel, answers } = event.data;
      return { responses: [...context.responses, { responseId, customerId, channel, answers }] };
    }
    case 'ImprovementPlanSubmitted':
      return { planCount: event.data.planNo };
    default:
      return {};
  }
}

const on = (guards: Array<keyof typeof surveyGuards>, target?: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  ...(target ? { target } : {}),
});

/**
 * R-SURV-1: the year's satisfaction survey — responses to its questionnaire collected, a report
 * with figures computed from them that the leadership reviews (篇4), then a service-improvement plan
 * that the general manager approves or sends back (篇2). v1 reports went straight to `reported`.
 */
export const surveyMachine = setup({
  types: { context: {} as SurveyContext, events: {} as SurveyEvent },
  guards: surveyGuards,
  actions: { evolve: assign(({ context, event }) => evolve(context, event)) },
}).createMachine({
  id: 'survey',
  initial: 'none',
  context: INITIAL_SURVEY_CONTEXT,
  states: {
    none: { on: { SurveyCampaignOpened: on(['isOrganiser'], 'collecting') } },
    collecting: {
      on: {
        SurveyResponseRecorded: on(['isCollector', 'isNewResponseOfTheYear', 'answersFollowQuestionnaire']),
        SurveyReportIssued: [
          on(['isOrganiser', 'aggregatesMatchResponses', 'submittedToLeadership'], 'reportInReview'),
          on(['isOrganiser', 'aggregatesMatchResponses', 'issuedBeforeReviews'], 'reported'),
        ],
      },
    },
    reportInReview: { on: { SurveyReportReviewed: on(['isLeadership'], 'reported') } },
    reported: { on: { ImprovementPlanSubmitted: on(['isOrganiser', 'notifiesLeadership'], 'planSubmitted') } },
    planSubmitted: {
      on: {
        ImprovementPlanApproved: on(['isLeadership', 'isCurrentPlan'], 'planApproved'),
        ImprovementPlanReturned: on(['isLeadership', 'isCurrentPlan'], 'reported'),
      },
    },
    planApproved: { type: 'final' },
  },
});
