import { Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, IsoMonth, text } from './development.shapes';
import { PlanContent, ReportPeriod } from './plan.shapes';

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

export const planEventSchemas = {
  DevelopmentPlanDrafted, DevelopmentPlanRevised, DevelopmentPlanSubmitted, DevelopmentPlanApprovedByDepartmentHead,
  DevelopmentPlanApprovedByManagersMeeting, DevelopmentPlanReturned, DevelopmentPlanRejected, DevelopmentProgressRecorded,
  DevelopmentMonthlyReportSubmitted, DevelopmentPlanDeadlinePassed,
};

type Schemas = typeof planEventSchemas;
export type PlanEventType = keyof Schemas;
export type PlanEvent = { [K in PlanEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[PlanEventType];
export type PlanEventOf<K extends PlanEventType> = Extract<PlanEvent, { type: K }>;
