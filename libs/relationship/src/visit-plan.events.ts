import { Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, MonthOfYear, text, Year } from './relationship.shapes';

const Acted = { by: EntityId, role: Role, at: Instant };

/** One line of the plan: a customer to visit in a month of the plan's year. */
export const PlanItem = z.object({ itemId: EntityId, customerId: EntityId, month: MonthOfYear });
export type PlanItem = z.infer<typeof PlanItem>;
export const PlanItems = z.array(PlanItem).min(1).max(500);

/** R-VISIT-1: a customer manager's annual visit plan (年度客户走访计划), first draft. */
export const VisitPlanDrafted = z.object({ planId: EntityId, year: Year, managerId: EntityId, items: PlanItems, ...Acted });
/** The whole list again while it is a draft (or sent back). */
export const VisitPlanRevised = z.object({ items: PlanItems, ...Acted });
export const VisitPlanSubmitted = z.object({ itemCount: z.number().int().min(1), ...Acted });
/** R-VISIT-1: the sales department head approves; visits may then be reported against its items. */
export const VisitPlanApproved = z.object({ comment: text(2000).nullable(), ...Acted });
export const VisitPlanReturned = z.object({ reason: text(2000), ...Acted });

export const visitPlanEventSchemas = { VisitPlanDrafted, VisitPlanRevised, VisitPlanSubmitted, VisitPlanApproved, VisitPlanReturned };

type Schemas = typeof visitPlanEventSchemas;
export type VisitPlanEventType = keyof Schemas;
export type VisitPlanEvent = { [K in VisitPlanEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[VisitPlanEventType];
