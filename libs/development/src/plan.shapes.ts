import { z } from 'zod';
import { EntityId, IsoDate, IsoMonth, Instant, Quarter, text, Tonnes, Yuan } from './development.shapes';
import { isMonday } from './report-weeks';

/** R-DEV-2: what the plan sets out to achieve with one key prospect. */
export const PlanTarget = z.strictObject({
  targetId: EntityId,
  prospectId: EntityId,
  goal: text(2000),
  targetTonnes: Tonnes.nullable().default(null),
  /** R-DEV-2 分解至客户经理组织实施: the customer manager the target is split to (null: plans drafted before ADR 0027) */
  customerManagerId: EntityId.nullable().default(null),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

/** 第八条: support needed from other departments is written into the plan. */
export const SupportRequest = z.strictObject({ department: text(100), request: text(2000) });
export type SupportRequest = z.infer<typeof SupportRequest>;

const uniqueTargets = (targets: PlanTarget[]) => new Set(targets.map((t) => t.targetId)).size === targets.length;

/** R-DEV-2: the plan's content, as drafted and as revised. */
export const PlanContent = z.object({
  quarter: Quarter,
  deadline: Instant,
  budgetYuan: Yuan,
  targets: z.array(PlanTarget).min(1).max(100).refine(uniqueTargets, 'R-DEV-2: target ids must be unique within a plan'),
  supportRequested: z.array(SupportRequest).max(20).default([]),
});
export type PlanContent = z.infer<typeof PlanContent>;

/** R-DEV-2 根据完成情况进行考核兑现: the assessor's verdict on one manager's quarter. */
export const AssessmentResult = z.enum(['exceeded', 'met', 'partly_met', 'not_met']);
export type AssessmentResult = z.infer<typeof AssessmentResult>;

/** R-DEV-2: one manager's completion at quarter end, computed from what the plan recorded. */
export const ManagerCompletion = z.strictObject({
  customerManagerId: EntityId,
  targetIds: z.array(EntityId),
  /** a progress entry reported the target achieved */
  achieved: z.array(EntityId),
  /** the target's prospect was converted (an onboarding application opened for it) within the quarter */
  converted: z.array(EntityId),
  /** achieved or converted */
  completed: z.array(EntityId),
});
export type ManagerCompletion = z.infer<typeof ManagerCompletion>;

/** R-DEV-3: weekly summaries name the Monday of their week; monthly reports their month. */
export const ReportPeriod = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), weekStarting: IsoDate.refine(isMonday, 'R-DEV-3: a weekly summary names the Monday its week starts on') }),
  z.strictObject({ kind: z.literal('monthly'), month: IsoMonth }),
]);
export type ReportPeriod = z.infer<typeof ReportPeriod>;
