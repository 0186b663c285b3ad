import { Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, IsoMonth, text, Yuan } from './development.shapes';
import { AssessmentResult, ManagerCompletion, PlanContent, ReportPeriod } from './plan.shapes';

const Acted = { by: EntityId, role: Role, at: Instant };
const ReviewStage = z.enum(['departmentHead', 'managersMeeting']);

export const DevelopmentPlanDrafted = PlanContent.extend({ planId: EntityId, ...Acted });
export type DevelopmentPlanDrafted = z.infer<typeof DevelopmentPlanDrafted>;
export const DevelopmentPlanRevised = PlanContent.extend({ reason: text(2000), ...Acted });
export const DevelopmentPlanSubmitted = z.object({ ...Acted });
export const DevelopmentPlanApprovedByDepartmentHead = z.object({ comment: text(2000).nullable(), ...Acted });
export const DevelopmentPlanApprovedByManagersMeeting = z.object({ minutes: text(20000), heldAt: Instant, ...Acted });
export const DevelopmentPlanReturned = z.object({ stage: ReviewStage, reason: text(2000), ...Acted });
export const DevelopmentPlanRejected = z.object({ stage: ReviewStage, reason: text(2000), ...Acted });
export const DevelopmentProgressRecorded = z.object({
  entryId: EntityId, targetId: EntityId, prospectId: EntityId, period: ReportPeriod, summary: text(4000), achieved: z.boolean(),
  problems: z.string().max(4000).nullable(), supportNeeded: z.string().max(2000).nullable(), ...Acted,
  /** older monthly entries named the department manager and the GM; since ADR 0027 the monthly report does, once */
  notify: z.array(Role).max(5).optional(),
});
export type DevelopmentProgressRecorded = z.infer<typeof DevelopmentProgressRecorded>;
/**
 * R-DEV-3: the month's completion report (月度完成情况), once per plan and month: the entries of the
 * month and the targets achieved so far; `notify` names the department manager and the GM.
 */
export const DevelopmentMonthlyReportSubmitted = z.object({
  month: IsoMonth, summary: text(4000), entryIds: z.array(EntityId), achieved: z.array(EntityId), notAchieved: z.array(EntityId),
  notify: z.array(Role).min(1).max(5), ...Acted,
});
export type DevelopmentMonthlyReportSubmitted = z.infer<typeof DevelopmentMonthlyReportSubmitted>;
/** The deadline passed: every target not achieved by then is on record as not achieved. */
export const DevelopmentPlanDeadlinePassed = z.object({
  deadline: Instant, achieved: z.array(EntityId), notAchieved: z.array(EntityId), at: Instant,
});
export type DevelopmentPlanDeadlinePassed = z.infer<typeof DevelopmentPlanDeadlinePassed>;

/** R-DEV-2: the plan's targets on this prospect count it converted (ProspectConverted, read by the conversion process). */
export const DevelopmentTargetConverted = z.object({
  targetIds: z.array(EntityId).min(1), prospectId: EntityId, applicationId: EntityId, convertedAt: Instant, at: Instant,
});
export type DevelopmentTargetConverted = z.infer<typeof DevelopmentTargetConverted>;
/** R-DEV-2: the quarter ended: each manager's completion is on record and waits on the assessment. */
export const DevelopmentAssessmentOpened = z.object({ quarter: z.string(), quarterEnd: Instant, managers: z.array(ManagerCompletion), at: Instant });
export type DevelopmentAssessmentOpened = z.infer<typeof DevelopmentAssessmentOpened>;
/** R-DEV-2 考核兑现: one manager assessed on the completion recorded when the assessment opened. */
export const CustomerManagerAssessed = z.object({
  customerManagerId: EntityId, completion: ManagerCompletion, result: AssessmentResult, comment: text(2000), payoutYuan: Yuan.nullable(), ...Acted,
});
export type CustomerManagerAssessed = z.infer<typeof CustomerManagerAssessed>;
/** R-DEV-2: every manager the targets were split to is assessed; the plan is done. */
export const DevelopmentAssessmentCompleted = z.object({ results: z.array(z.object({ customerManagerId: EntityId, result: AssessmentResult })), at: Instant });

export const planEventSchemas = {
  DevelopmentPlanDrafted, DevelopmentPlanRevised, DevelopmentPlanSubmitted, DevelopmentPlanApprovedByDepartmentHead,
  DevelopmentPlanApprovedByManagersMeeting, DevelopmentPlanReturned, DevelopmentPlanRejected, DevelopmentProgressRecorded,
  DevelopmentMonthlyReportSubmitted, DevelopmentPlanDeadlinePassed, DevelopmentTargetConverted, DevelopmentAssessmentOpened, CustomerManagerAssessed,
  DevelopmentAssessmentCompleted,
};

type Schemas = typeof planEventSchemas;
export type PlanEventType = keyof Schemas;
export type PlanEvent = { [K in PlanEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[PlanEventType];
export type PlanEventOf<K extends PlanEventType> = Extract<PlanEvent, { type: K }>;
