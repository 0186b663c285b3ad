import { DomainRuleViolation, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { actingRole, LEADERSHIP_ROLES, ORGANISER_ROLES, RelationshipRule, SURVEY_COLLECTOR_ROLES } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import { aggregateSurvey } from './survey-aggregates';
import { scoreAnswer } from './survey-questionnaire';
import type { SurveyCommand } from './survey.commands';
import type { SurveyContext } from './survey.context';
import type { SurveyAnswers, SurveyEvent } from './survey.events';

const rule = RelationshipRule.survey;

/** R-SURV-1: each answer is to a question of the year's questionnaire, on that question's scale. */
function recordedAnswers(given: Record<string, number | string>, context: SurveyContext): SurveyAnswers {
  return Object.fromEntries(
    Object.entries(given).map(([id, answer]) => {
      const question = context.questionnaire.find((q) => q.questionId === id);
      if (!question) throw new DomainRuleViolation(rule, `the ${context.year} questionnaire has no question ${id}`, `answers.${id}`);
      const recorded = scoreAnswer(question, answer);
      if (typeof recorded === 'string') throw new DomainRuleViolation(rule, `question ${id}: ${recorded}`, `answers.${id}`);
      return [id, recorded];
    }),
  );
}

export function decideSurvey(command: SurveyCommand, state: WorkflowState<SurveyContext>): SurveyEvent[] {
  if (state.state === 'none' && command.type !== 'OpenSurveyCampaign') throw new TransitionNotAllowed('survey', state.state, command.type);
  const { actor, now } = command.meta;
  const context = state.context;
  const acted = (roles: Parameters<typeof actingRole>[1], what: string) => ({ by: actor.id, role: actingRole(actor, roles, rule, what), at: now });
  switch (command.type) {
    case 'OpenSurveyCampaign':
      return [{ type: 'SurveyCampaignOpened', data: { ...command.data, ...acted(ORGANISER_ROLES, 'opening the satisfaction survey') } }];
    case 'RecordSurveyResponse': {
      const d = command.data;
      if (yearOf(d.respondedOn) !== context.year) throw new DomainRuleViolation(rule, `the ${context.year} survey takes responses of ${context.year}, not ${d.respondedOn}`, 'respondedOn');
      if (d.respondedOn > beijingDateOf(now)) throw new DomainRuleViolation(rule, `respondedOn ${d.respondedOn} is after the day it is recorded`, 'respondedOn');
      if (context.responses.some((r) => r.responseId === d.responseId)) throw new DomainRuleViolation(rule, `response ${d.responseId} is already recorded`, 'responseId');
      if (context.responses.some((r) => r.customerId === d.customerId)) throw new DomainRuleViolation(rule, `customer ${d.customerId} has already answered the ${context.year} survey`, 'customerId');
      const answers = recordedAnswers(d.answers, context);
      return [{ type: 'SurveyResponseRecorded', data: { ...d, answers, comments: d.comments ?? null, ...acted(SURVEY_COLLECTOR_ROLES, 'recording a survey response') } }];
    }
    case 'IssueSurveyReport':
      if (context.responses.length === 0) throw new DomainRuleViolation(rule, 'a report needs at least one response', 'summary');
      return [
        {
          type: 'SurveyReportIssued',
          data: { summary: command.data.summary, aggregates: aggregateSurvey(context.questionnaire, context.responses), notify: [...LEADERSHIP_ROLES], ...acted(ORGANISER_ROLES, 'issuing the survey report') },
        },
      ];
    case 'ReviewSurveyReport':
      return [{ type: 'SurveyReportReviewed', data: { comment: command.data.comment ?? null, ...acted(LEADERSHIP_ROLES, 'reviewing the survey report') } }];
    case 'SubmitImprovementPlan':
      return [{ type: 'ImprovementPlanSubmitted', data: { planNo: context.planCount + 1, measures: command.data.measures, notify: ['general_manager'], ...acted(ORGANISER_ROLES, 'submitting the improvement plan') } }];
    case 'ApproveImprovementPlan':
      return [{ type: 'ImprovementPlanApproved', data: { planNo: context.planCount, comment: command.data.comment ?? null, ...acted(LEADERSHIP_ROLES, 'approving the improvement plan') } }];
    case 'ReturnImprovementPlan':
      return [{ type: 'ImprovementPlanReturned', data: { planNo: context.planCount, reason: command.data.reason, ...acted(LEADERSHIP_ROLES, 'returning the improvement plan') } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
