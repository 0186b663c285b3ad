import { Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, LocalDate, text, Year } from './relationship.shapes';

const Acted = { by: EntityId, role: Role, at: Instant };

/** R-SURV-1: 通过电话邮件、传真、面对面交流等方式开展调查. */
export const SurveyChannel = z.enum(['phone', 'mail', 'fax', 'face_to_face']);
export type SurveyChannel = z.infer<typeof SurveyChannel>;

/** 产品质量、服务质量和公司形象 (第十四条), each scored 0–100 by the customer. */
const Score = z.number().int().min(0).max(100);
export const SurveyScores = z.strictObject({ productQuality: Score, serviceQuality: Score, companyImage: Score });
export type SurveyScores = z.infer<typeof SurveyScores>;
export const SURVEY_DIMENSIONS = ['productQuality', 'serviceQuality', 'companyImage'] as const;

const Average = z.number().min(0).max(100).nullable();
/** Computed from the responses by the decider and stored with the report, so the report never drifts. */
export const SurveyAggregates = z.object({
  responseCount: z.number().int().min(0),
  byChannel: z.record(SurveyChannel, z.number().int().min(0)),
  averages: z.object({ productQuality: Average, serviceQuality: Average, companyImage: Average, overall: Average }),
  lowestDimension: z.enum(SURVEY_DIMENSIONS).nullable(),
});
export type SurveyAggregates = z.infer<typeof SurveyAggregates>;

export const SurveyCampaignOpened = z.object({ year: Year, title: text(200), ...Acted });
export const SurveyResponseRecorded = z.object({
  responseId: EntityId, customerId: EntityId, channel: SurveyChannel, respondedOn: LocalDate, scores: SurveyScores,
  comments: text(4000).nullable(), ...Acted,
});
export const SurveyReportIssued = z.object({ summary: text(8000), aggregates: SurveyAggregates, ...Acted });
/** 制定服务改进方案，提交公司领导审阅: the leadership is notified. */
export const ImprovementPlanSubmitted = z.object({
  planNo: z.number().int().min(1), measures: z.array(text(1000)).min(1).max(50), notify: z.array(z.string()).min(1).max(5), ...Acted,
});
export const ImprovementPlanApproved = z.object({ planNo: z.number().int().min(1), comment: text(2000).nullable(), ...Acted });
export const ImprovementPlanReturned = z.object({ planNo: z.number().int().min(1), reason: text(2000), ...Acted });

export const surveyEventSchemas = {
  SurveyCampaignOpened, SurveyResponseRecorded, SurveyReportIssued, ImprovementPlanSubmitted, ImprovementPlanApproved, ImprovementPlanReturned,
};

type Schemas = typeof surveyEventSchemas;
export type SurveyEventType = keyof Schemas;
export type SurveyEvent = { [K in SurveyEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[SurveyEventType];
