import {
  AcknowledgeVisitFindings, ApproveForumPlan, ApproveImprovementPlan, ApproveVisitPlan, EntityId, FileForumMinutes, IssueSurveyReport, LocalDate, OpenSurveyCampaign,
  RecordSurveyResponse, ReturnForumPlan, ReviewSurveyReport, ReturnImprovementPlan, ReviseForumPlan, SubmitForumPlan, ReturnVisitPlan, ReviseVisitPlan, SubmitImprovementPlan, SubmitVisitReport, Year,
} from '@crm/relationship';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';

/** Request bodies: the domain's command schemas, strict so that unknown fields are refused. */
const strict = <T extends z.ZodObject>(schema: T) => z.strictObject(schema.shape);

/** R-VISIT-1: the plan id is the manager's and the year's, so the body names only the year. */
export const DraftVisitPlanBody = z.strictObject({ year: Year, items: ReviseVisitPlan.shape.items });
export type DraftVisitPlanBody = z.infer<typeof DraftVisitPlanBody>;
export const ReviseVisitPlanBody = strict(ReviseVisitPlan);
export const EmptyBody = z.strictObject({});
export const ApproveVisitPlanBody = strict(ApproveVisitPlan);
export const ReturnVisitPlanBody = strict(ReturnVisitPlan);

export const SubmitVisitReportBody = z.strictObject({ ...SubmitVisitReport.shape, reportId: EntityId.optional() });
export type SubmitVisitReportBody = z.infer<typeof SubmitVisitReportBody>;
export const AcknowledgeFindingsBody = strict(AcknowledgeVisitFindings);

export const OpenSurveyBody = strict(OpenSurveyCampaign);
export const SurveyResponseBody = strict(RecordSurveyResponse);
export const SurveyReportBody = strict(IssueSurveyReport);
export const ReviewSurveyReportBody = strict(ReviewSurveyReport);
export const ImprovementPlanBody = strict(SubmitImprovementPlan);
export const ApproveImprovementPlanBody = strict(ApproveImprovementPlan);
export const ReturnImprovementPlanBody = strict(ReturnImprovementPlan);

/** R-FORUM-1: the preparation plan; the forum id is the server's unless given. */
export const ForumPlanBody = z.strictObject({ ...SubmitForumPlan.shape, forumId: EntityId.optional() });
export type ForumPlanBody = z.infer<typeof ForumPlanBody>;
export const ReviseForumPlanBody = strict(ReviseForumPlan);
export const ApproveForumPlanBody = strict(ApproveForumPlan);
export const ReturnForumPlanBody = strict(ReturnForumPlan);
/** The minutes of the forum in the path. */
export const ForumMinutesBody = z.strictObject(FileForumMinutes.omit({ forumId: true }).shape);

export const IdParam = EntityId;
export const YearParam = z.coerce.number().pipe(Year);

const YearQuery = z.coerce.number().pipe(Year);
export const ProgressQuery = z.strictObject({ year: YearQuery, manager: EntityId.optional(), minPosition: MinPosition });
export type ProgressQuery = z.infer<typeof ProgressQuery>;

export const RatingsQuery = z.strictObject({ year: YearQuery, customer: EntityId.optional(), minPosition: MinPosition });
export type RatingsQuery = z.infer<typeof RatingsQuery>;

export const FeedbackQuery = z.strictObject({
  status: z.enum(['open', 'acknowledged']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  minPosition: MinPosition,
});
export type FeedbackQuery = z.infer<typeof FeedbackQuery>;

/** R-FORUM-1: `asOf` is the date the years are judged at (default: today in Beijing, from the service's clock). */
export const ForumsQuery = z.strictObject({ from: YearQuery.optional(), asOf: LocalDate.optional(), minPosition: MinPosition });
export type ForumsQuery = z.infer<typeof ForumsQuery>;
