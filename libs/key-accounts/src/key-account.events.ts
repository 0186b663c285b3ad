import { z } from 'zod';

const Id = z.string().trim().min(1).max(100);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Instant = z.iso.datetime({ offset: true });
const Notify = z.array(z.string());

export const DeclineEvidenceSchema = z.object({
  month: Month, trailingKg: z.number().int(), priorKg: z.number().int(), lastYearKg: z.number().int(),
  lastPickupDate: z.string().nullable(), daysSincePickup: z.number().int().nullable(),
});
export const DeclinePolicyRef = z.object({ version: z.number().int(), priorRatio: z.number(), lastYearRatio: z.number(), silentWeeks: z.number().int() });

/** R-KAM-3: at most one per customer per month; `notify` puts it in the outbox for supervisors and the account's manager. */
export const KeyAccountWarningRaised = z.object({
  customerId: Id, month: Month, abcClass: z.enum(['A', 'B', 'C']),
  reasons: z.array(z.enum(['below_prior_quarter', 'below_last_year', 'no_pickup'])).min(1),
  evidence: DeclineEvidenceSchema, policy: DeclinePolicyRef, customerManagerId: Id.nullable(),
  raisedBy: Id, raisedAt: Instant, notify: Notify,
});
export type KeyAccountWarningRaised = z.infer<typeof KeyAccountWarningRaised>;

/** R-KAM-3: the month's volume no longer meets any warning condition. */
export const KeyAccountWarningCleared = z.object({
  customerId: Id, month: Month, warningMonth: Month, evidence: DeclineEvidenceSchema, policy: DeclinePolicyRef,
  customerManagerId: Id.nullable(), clearedBy: Id, clearedAt: Instant, notify: Notify,
});
export type KeyAccountWarningCleared = z.infer<typeof KeyAccountWarningCleared>;

/** R-KAM-4: a new loyalty level (null = none) with the streak of months that earned or lost it. */
export const LoyaltyLevelChanged = z.object({
  customerId: Id, month: Month, previousLevel: z.string().nullable(), newLevel: z.string().nullable(), policyVersion: z.number().int(),
  evidence: z.array(z.object({ month: Month, kg: z.number().int() })), changedBy: Id, changedAt: Instant,
});
export type LoyaltyLevelChanged = z.infer<typeof LoyaltyLevelChanged>;

export const keyAccountEventSchemas = { KeyAccountWarningRaised, KeyAccountWarningCleared, LoyaltyLevelChanged } as const;
type Schemas = typeof keyAccountEventSchemas;
export type KeyAccountEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
