import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, LocalDate, text, Year } from './relationship.shapes';
import { SurveyChannel, SurveyScores } from './survey.events';

/** R-SURV-1: one campaign per year; the year is the stream id (`satisfaction-survey-<year>`). */
export const OpenSurveyCampaign = z.object({ year: Year, title: text(200) });
export const RecordSurveyResponse = z.object({
  responseId: EntityId, customerId: EntityId, channel: SurveyChannel, respondedOn: LocalDate, scores: SurveyScores, comments: text(4000).optional(),
});
export const IssueSurveyReport = z.object({ summary: text(8000) });
export const SubmitImprovementPlan = z.object({ measures: z.array(text(1000)).min(1).max(50) });
export const ApproveImprovementPlan = z.object({ comment: text(2000).optional() });
export const ReturnImprovementPlan = z.object({ reason: text(2000) });

export const surveyCommandSchemas = {
  OpenSurveyCampaign, RecordSurveyResponse, IssueSurveyReport, SubmitImprovementPlan, ApproveImprovementPlan, ReturnImprovementPlan,
};

type Schemas = typeof surveyCommandSchemas;
export type SurveyCommandType = keyof Schemas;
export type SurveyCommand = { [K in SurveyCommandType]: Command<K, z.infer<Schemas[K]>> }[SurveyCommandType];
