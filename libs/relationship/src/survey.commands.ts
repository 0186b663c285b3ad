import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, LocalDate, text, Year } from './relationship.shapes';
import { AnswerGiven, DEFAULT_QUESTIONNAIRE, Questionnaire, QuestionId } from './survey-questionnaire';
import { SurveyChannel } from './survey.events';

/**
 * R-SURV-1: one campaign per year; the year is the stream id (`satisfaction-survey-<year>`). The
 * questionnaire defaults to the policy's three subjects scored 0–100.
 */
export const OpenSurveyCampaign = z.object({ year: Year, title: text(200), questionnaire: Questionnaire.default(DEFAULT_QUESTIONNAIRE) });
/** Answers by question id: a score on a score question, the option's label on a labelled one. */
export const RecordSurveyResponse = z.object({
  responseId: EntityId, customerId: EntityId, channel: SurveyChannel, respondedOn: LocalDate,
  answers: z.record(QuestionId, AnswerGiven).refine((a) => Object.keys(a).length > 0, 'answer at least one question'),
  comments: text(4000).optional(),
});
export const IssueSurveyReport = z.object({ summary: text(8000) });
/** 提交公司领导审阅: the leadership has read the report. */
export const ReviewSurveyReport = z.object({ comment: text(2000).optional() });
export const SubmitImprovementPlan = z.object({ measures: z.array(text(1000)).min(1).max(50) });
export const ApproveImprovementPlan = z.object({ comment: text(2000).optional() });
export const ReturnImprovementPlan = z.object({ reason: text(2000) });

export const surveyCommandSchemas = {
  OpenSurveyCampaign, RecordSurveyResponse, IssueSurveyReport, ReviewSurveyReport, SubmitImprovementPlan, ApproveImprovementPlan, ReturnImprovementPlan,
};

type Schemas = typeof surveyCommandSchemas;
export type SurveyCommandType = keyof Schemas;
export type SurveyCommand = { [K in SurveyCommandType]: Command<K, z.infer<Schemas[K]>> }[SurveyCommandType];
