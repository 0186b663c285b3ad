import { z } from 'zod';
import { EntityId, IsoDate, IsoMonth, Instant, Quarter, text, Tonnes, Yuan } from './development.shapes';
import { isMonday } from './report-weeks';

/** R-DEV-2: what the plan sets out to achieve with one key prospect. */
export const PlanTarget = z.strictObject({
  targetId: EntityId,
  prospectId: EntityId,
  goal: text(2000),
  targetTonnes: Tonnes.nullable().default(null),
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

/** R-DEV-3: weekly summaries name the Monday of their week; monthly reports their month. */
export const ReportPeriod = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), weekStarting: IsoDate.refine(isMonday, 'R-DEV-3: a weekly summary names the Monday its week starts on') }),
  z.strictObject({ kind: z.literal('monthly'), month: IsoMonth }),
]);
export type ReportPeriod = z.infer<typeof ReportPeriod>;
