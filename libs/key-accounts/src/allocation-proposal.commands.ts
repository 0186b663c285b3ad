import { ProductLine } from '@crm/customers';
import type { Command } from '@crm/workflow-kit';
import { freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { AllocationDemand } from './allocation';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month 'YYYY-MM'");

export const ProposeAllocation = z.object({
  month: Month,
  /** 按照不同的产品 (R-TIER-1, R-TIER-5): each product line's volume is allocated on its own */
  productLine: ProductLine,
  /** the production plan's volume for the month, entered by the sales department (R-ALLOC-2) */
  availableKg: z.number().int().min(0).max(10_000_000_000),
  demands: z.array(AllocationDemand).max(5000),
  note: optionalText(2000).nullable().default(null),
});
export type ProposeAllocation = z.infer<typeof ProposeAllocation>;
/** `round` names the proposal decided on, so a decision never lands on a newer proposal unseen. */
export const ApproveAllocation = z.object({ round: z.number().int().min(1), comment: optionalText(2000).nullable().default(null) });
export type ApproveAllocation = z.infer<typeof ApproveAllocation>;
export const ReturnAllocation = z.object({ round: z.number().int().min(1), reason: freeText(2000) });
export type ReturnAllocation = z.infer<typeof ReturnAllocation>;

/** The sales department's manual change to one line of the proposal under review, with its reason (R-ALLOC-2). */
export const AdjustAllocation = z.object({ round: z.number().int().min(1), customerId: freeText(100), allocatedKg: z.number().int().min(0).max(1_000_000_000), reason: freeText(2000) });
export type AdjustAllocation = z.infer<typeof AdjustAllocation>;

export const allocationCommandSchemas = { ProposeAllocation, AdjustAllocation, ApproveAllocation, ReturnAllocation } as const;
export type AllocationCommand =
  | Command<'ProposeAllocation', ProposeAllocation>
  | Command<'AdjustAllocation', AdjustAllocation>
  | Command<'ApproveAllocation', ApproveAllocation>
  | Command<'ReturnAllocation', ReturnAllocation>;
