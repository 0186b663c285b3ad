import type { Command } from '@crm/workflow-kit';
import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { DeclinePolicy } from './decline-policy';
import { LoyaltyPolicy } from './loyalty-policy';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month 'YYYY-MM'");

/**
 * R-KAM-3/4: the monthly evaluation of one customer. The caller (who reads the pickups) brings the
 * figures: kilograms per month (at least the 15 months ending with `month`), the last pickup date
 * on or before the month's end, the customer's ABC class for the period, and the policies in force.
 */
export const EvaluateKeyAccountMonth = z.object({
  customerId: freeText(100),
  month: Month,
  abcClass: z.enum(['A', 'B', 'C']),
  kgByMonth: z.record(Month, z.number().int().min(0)),
  lastPickupDate: z.iso.date().nullable(),
  customerManagerId: freeText(100).nullable(),
  declinePolicy: DeclinePolicy,
  loyaltyPolicy: LoyaltyPolicy,
});
export type EvaluateKeyAccountMonth = z.infer<typeof EvaluateKeyAccountMonth>;

export const keyAccountCommandSchemas = { EvaluateKeyAccountMonth } as const;
export type KeyAccountCommand = Command<'EvaluateKeyAccountMonth', EvaluateKeyAccountMonth>;
