import { DomainRuleViolation, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { actingRole, LEADERSHIP_ROLES, ORGANISER_ROLES, RelationshipRule, SURVEY_COLLECTOR_ROLES } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import { aggregateSurvey } from './survey-aggregates';
import type { SurveyCommand } from './survey.commands';
import type { SurveyContext } from './survey.context';
import type { SurveyEvent } from './survey.events';

const rule = RelationshipRule.survey;

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
      return [{ type: 'SurveyResponseRecorded', data: { ...d, comments: d.comments ?? null, ...acted(SURVEY_COLLECTOR_ROLES, 'recording a survey response') } }];
    }
    case 'IssueSurveyReport':
      if (context.responses.length === 0) throw new DomainRuleViolation(rule, 'a report needs at least one response', 'summary');
      return [{ type: 'SurveyReportIssued', data: { summary: command.data.summary, aggregates: aggregateSurvey(context.responses), ...acted(ORGANISER_ROLES, 'issuing the survey report') } }];
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
