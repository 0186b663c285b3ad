import { freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';

/**
 * The allocation requests as the sales department types them, in tonnes (the commands carry
 * kilograms): the API's bodies and the console's forms check with these same schemas.
 */
const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/;
export const AllocationMonth = z.string().regex(MONTH, "a month 'YYYY-MM' between 2000-01 and 2099-12");
/** Tonnes as the sales department types them: up to three decimals (kilograms). */
const Tonnes = (max: number) =>
  z.number().min(0).max(max).refine((t) => Math.abs(t * 1000 - Math.round(t * 1000)) < 1e-6, 'at most three decimals (kilograms)');

export const AllocationRequest = z.strictObject({ customerId: freeText(100), tonnes: Tonnes(1_000_000) });
export const AllocationProposalRequest = z.strictObject({
  /** R-ALLOC-2: the production plan's volume for the month */
  availableTonnes: Tonnes(10_000_000),
  /** demands of direct customers and distributors; agents' demand is their filed sales plan (R-TIER-7) */
  requests: z
    .array(AllocationRequest)
    .max(5000)
    .refine((rs) => new Set(rs.map((r) => r.customerId)).size === rs.length, 'R-ALLOC-2: one request per customer'),
  /** R-ALLOC-3 配合度: the sales department's 0..1 score of each exclusive agent's cooperation this month */
  cooperation: z
    .array(z.strictObject({ customerId: freeText(100), score: z.number().min(0).max(1) }))
    .max(5000)
    .default([])
    .refine((cs) => new Set(cs.map((c) => c.customerId)).size === cs.length, 'R-ALLOC-3: one cooperation score per agent'),
  note: optionalText(2000).nullable().default(null),
});
export type AllocationProposalRequest = z.infer<typeof AllocationProposalRequest>;
/** R-ALLOC-2: a manual change to one line of the proposal under review, with its reason */
export const AllocationAdjustmentRequest = z.strictObject({ round: z.number().int().min(1), customerId: freeText(100), tonnes: Tonnes(1_000_000), reason: freeText(2000) });
export type AllocationAdjustmentRequest = z.infer<typeof AllocationAdjustmentRequest>;
export const AllocationApprovalRequest = z.strictObject({ round: z.number().int().min(1), comment: optionalText(2000).nullable().default(null) });
export const AllocationReturnRequest = z.strictObject({ round: z.number().int().min(1), reason: freeText(2000) });
