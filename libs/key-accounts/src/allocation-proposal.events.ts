import { z } from 'zod';
import { AllocationClass, AllocationDemand } from './allocation';
import { ProductLine } from '@crm/customers';

const Id = z.string().trim().min(1).max(100);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Instant = z.iso.datetime({ offset: true });

export const AllocationLineSchema = AllocationDemand.extend({ rank: z.number().int(), score: z.number().nullable(), allocatedKg: z.number().int().min(0) });

/** R-ALLOC-1..3: the proposal with all its inputs (available volume, every demand and its figures) and the result. */
export const AllocationProposed = z.object({
  /** null on proposals made before allocation was per product line: one pool for the month */
  month: Month, productLine: ProductLine.nullable().default(null), round: z.number().int().min(1), availableKg: z.number().int().min(0), demands: z.array(AllocationDemand),
  lines: z.array(AllocationLineSchema), demandKg: z.number().int(), allocatedKg: z.number().int(), shortfallKg: z.number().int(),
  classesServed: z.array(AllocationClass), note: z.string().max(2000).nullable(),
  proposedBy: Id, proposedAt: Instant, notify: z.array(z.string()),
});
export type AllocationProposed = z.infer<typeof AllocationProposed>;
/** A manual change to one line before the general manager decides: what it was, what it is, why, by whom. */
export const AllocationAdjusted = z.object({
  month: Month, round: z.number().int().min(1), customerId: Id, previousKg: z.number().int().min(0), allocatedKg: z.number().int().min(0),
  reason: z.string().min(1).max(2000), adjustedBy: Id, adjustedAt: Instant,
});
export type AllocationAdjusted = z.infer<typeof AllocationAdjusted>;
export const AllocationApproved = z.object({ month: Month, round: z.number().int().min(1), comment: z.string().max(2000).nullable(), approvedBy: Id, approvedAt: Instant });
export type AllocationApproved = z.infer<typeof AllocationApproved>;
export const AllocationReturned = z.object({ month: Month, round: z.number().int().min(1), reason: z.string().min(1).max(2000), returnedBy: Id, returnedAt: Instant, notify: z.array(z.string()) });
export type AllocationReturned = z.infer<typeof AllocationReturned>;

export const allocationEventSchemas = { AllocationProposed, AllocationAdjusted, AllocationApproved, AllocationReturned } as const;
type Schemas = typeof allocationEventSchemas;
export type AllocationEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
