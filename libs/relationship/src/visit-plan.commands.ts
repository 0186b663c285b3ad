import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { PlanItems } from './visit-plan.events';
import { EntityId, text, Year } from './relationship.shapes';

/** Item ids are unique within a plan: a visit report names the item it fulfils. */
const UniqueItems = PlanItems.refine((items) => new Set(items.map((i) => i.itemId)).size === items.length, {
  message: 'R-VISIT-1: item ids must be unique within a plan',
});

/** R-VISIT-1: `planId` is the stream id (`visit-plan-<planId>`); the acting manager owns it. */
export const DraftVisitPlan = z.object({ planId: EntityId, year: Year, items: UniqueItems });
export const ReviseVisitPlan = z.object({ items: UniqueItems });
export const SubmitVisitPlan = z.object({});
export const ApproveVisitPlan = z.object({ comment: text(2000).optional() });
export const ReturnVisitPlan = z.object({ reason: text(2000) });

export const visitPlanCommandSchemas = { DraftVisitPlan, ReviseVisitPlan, SubmitVisitPlan, ApproveVisitPlan, ReturnVisitPlan };

type Schemas = typeof visitPlanCommandSchemas;
export type VisitPlanCommandType = keyof Schemas;
export type VisitPlanCommand = { [K in VisitPlanCommandType]: Command<K, z.infer<Schemas[K]>> }[VisitPlanCommandType];
export type VisitPlanCommandOf<K extends VisitPlanCommandType> = Extract<VisitPlanCommand, { type: K }>;
