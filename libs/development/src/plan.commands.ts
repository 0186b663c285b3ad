import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, IsoMonth, text, Yuan } from './development.shapes';
import { AssessmentResult, PlanContent, ReportPeriod } from './plan.shapes';

/** R-DEV-2: the sales department drafts the quarter's plan for its key prospects. */
export const DraftDevelopmentPlan = PlanContent.extend({ planId: EntityId });
export type DraftDevelopmentPlan = z.infer<typeof DraftDevelopmentPlan>;

/** The whole content again, while the plan is a draft (first draft or returned for revision). */
export const ReviseDevelopmentPlan = PlanContent.extend({ reason: text(2000) });
export type ReviseDevelopmentPlan = z.infer<typeof ReviseDevelopmentPlan>;

export const SubmitDevelopmentPlan = z.object({});
export const ApproveAsDepartmentHead = z.object({ comment: text(2000).optional() });
export type ApproveAsDepartmentHead = z.infer<typeof ApproveAsDepartmentHead>;

/** R-DEV-2: the general manager records the managers' meeting (经理办公会) approval. */
export const RecordManagersMeetingApproval = z.object({ minutes: text(20000), heldAt: Instant });
export type RecordManagersMeetingApproval = z.infer<typeof RecordManagersMeetingApproval>;

export const ReturnDevelopmentPlan = z.object({ reason: text(2000) });
export const RejectDevelopmentPlan = z.object({ reason: text(2000) });

/** R-DEV-3: one progress entry against one target, in a weekly summary or a monthly report. */
export const RecordDevelopmentProgress = z.object({
  entryId: EntityId,
  targetId: EntityId,
  period: ReportPeriod,
  summary: text(4000),
  /** the target is met; stays met */
  achieved: z.boolean().default(false),
  problems: text(4000).optional(),
  supportNeeded: text(2000).optional(),
});
export type RecordDevelopmentProgress = z.infer<typeof RecordDevelopmentProgress>;

/**
 * R-DEV-3 提交月度完成情况上报部门经理、总经理: the month's completion, submitted once per plan and
 * month; the event names the department manager and the GM, so the outbox tells them once.
 */
export const SubmitMonthlyDevelopmentReport = z.object({ month: IsoMonth, summary: text(4000) });
export type SubmitMonthlyDevelopmentReport = z.infer<typeof SubmitMonthlyDevelopmentReport>;

/** R-DEV-2: a target's prospect was converted (the conversion process, from ProspectConverted; system only). */
export const RecordTargetConversion = z.object({ prospectId: EntityId, applicationId: EntityId, convertedAt: Instant });

/** R-DEV-2: the quarter-end timer opens the assessment; carries the quarter end it was scheduled for. */
export const OpenDevelopmentAssessment = z.object({ quarterEnd: Instant });

/** R-DEV-2 考核兑现: the sales department's assessment of one manager's quarter, with the result, a comment and any payout. */
export const AssessCustomerManager = z.object({
  customerManagerId: EntityId,
  result: AssessmentResult,
  comment: text(2000),
  /** 兑现: the reward (or nothing) paid on the result, in yuan */
  payoutYuan: Yuan.nullable().default(null),
});
export type AssessCustomerManager = z.infer<typeof AssessCustomerManager>;

/** The plan's deadline timer; carries the deadline it was scheduled for. */
export const MarkPlanDeadlinePassed = z.object({ deadline: Instant });

export const planCommandSchemas = {
  DraftDevelopmentPlan, ReviseDevelopmentPlan, SubmitDevelopmentPlan, ApproveAsDepartmentHead, RecordManagersMeetingApproval,
  ReturnDevelopmentPlan, RejectDevelopmentPlan, RecordDevelopmentProgress, SubmitMonthlyDevelopmentReport, MarkPlanDeadlinePassed,
  RecordTargetConversion, OpenDevelopmentAssessment, AssessCustomerManager,
};

type Schemas = typeof planCommandSchemas;
export type PlanCommandType = keyof Schemas;
export type PlanCommand = { [K in PlanCommandType]: Command<K, z.infer<Schemas[K]>> }[PlanCommandType];
export type PlanCommandOf<K extends PlanCommandType> = Extract<PlanCommand, { type: K }>;
