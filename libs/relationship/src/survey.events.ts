import { Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, LocalDate, text, Year } from './relationship.shapes';
import { Questionnaire, QuestionId, RecordedAnswer } from './survey-questionnaire';

const Acted = { by: EntityId, role: Role, at: Instant };

/** R-SURV-1: 通过电话邮件、传真、面对面交流等方式开展调查. */
export const SurveyChannel = z.enum(['phone', 'mail', 'fax', 'face_to_face']);
export type SurveyChannel = z.infer<typeof SurveyChannel>;

/** The answers of one response, by question id. */
export const SurveyAnswers = z.record(QuestionId, RecordedAnswer);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

const Average = z.number().min(0).max(100).nullable();
/**
 * Computed from the responses by the decider and stored with the report, so the report never
 * drifts. `averages` has one entry per question of the questionnaire plus `overall`;
 * `lowestDimension` is the question with the lowest average (v1 reports: one of the three default
 * questions, which is the same shape).
 */
export const SurveyAggregates = z.object({
  responseCount: z.number().int().min(0),
  byChannel: z.record(SurveyChannel, z.number().int().min(0)),
  averages: z.record(z.string(), Average),
  lowestDimension: z.string().nullable(),
});
export type SurveyAggregates = z.infer<typeof SurveyAggregates>;

/** v2: the campaign's questionnaire; v1 campaigns are upcast to the default one (survey.upcast.ts). */
export const SurveyCampaignOpened = z.object({ year: Year, title: text(200), questionnaire: Questionnaire, ...Acted });
/** v2: answers by question id, each with its score (and label); v1's three scores are upcast to answers. */
export const SurveyResponseRecorded = z.object({
  responseId: EntityId, customerId: EntityId, channel: SurveyChannel, respondedOn: LocalDate, answers: SurveyAnswers,
  comments: text(4000).nullable(), ...Acted,
});
/**
 * 应编写调查报告，提交公司领导审阅 (篇4 第十四条): v2 reports name the leadership in `notify`; v1
 * reports, issued before the review step, are upcast to `notify: null`.
 */
export const SurveyReportIssued = z.object({ summary: text(8000), aggregates: SurveyAggregates, notify: z.array(z.string()).min(1).max(5).nullable(), ...Acted });
/** The company's leadership has read the report (审阅), with its remarks for the improvement plan. */
export const SurveyReportReviewed = z.object({ comment: text(2000).nullable(), ...Acted });
/** 制定服务改进方案，提交公司领导审阅: the leadership is notified. */
export const ImprovementPlanSubmitted = z.object({
  planNo: z.number().int().min(1), measures: z.array(text(1000)).min(1).max(50), notify: z.array(z.string()).min(1).max(5), ...Acted,
});
export const ImprovementPlanApproved = z.object({ planNo: z.number().int().min(1), comment: text(2000).nullable(), ...Acted });
export const ImprovementPlanReturned = z.object({ planNo: z.number().int().min(1), reason: text(2000), ...Acted });

export const surveyEventSchemas = {
  SurveyCampaignOpened, SurveyResponseRecorded, SurveyReportIssued, SurveyReportReviewed, ImprovementPlanSubmitted, ImprovementPlanApproved, ImprovementPlanReturned,
};
/** ADR 0025: questionnaires as data and the leadership's review of the report. */
export const surveyEventSchemaVersions = { SurveyCampaignOpened: 2, SurveyResponseRecorded: 2, SurveyReportIssued: 2 } as const;

type Schemas = typeof surveyEventSchemas;
export type SurveyEventType = keyof Schemas;
export type SurveyEvent = { [K in SurveyEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[SurveyEventType];
