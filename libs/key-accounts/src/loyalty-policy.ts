import { z } from 'zod';
import { addMonths } from './months';

export const LoyaltyLevelRule = z.object({
  level: z.string().regex(/^[a-z][a-z_]{1,30}$/),
  /** consecutive months, ending with the evaluated month, each at or above `minMonthlyTonnes` */
  months: z.number().int().min(1).max(36),
  minMonthlyTonnes: z.number().positive().max(1_000_000),
});
export type LoyaltyLevelRule = z.infer<typeof LoyaltyLevelRule>;

/** R-KAM-4: levels from lowest to highest; a later version replaces the whole ladder from its month on. */
export const LoyaltyPolicy = z.object({
  version: z.number().int().min(1),
  effectiveFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  levels: z.array(LoyaltyLevelRule).min(1),
});
export type LoyaltyPolicy = z.infer<typeof LoyaltyPolicy>;

export const LOYALTY_POLICIES: readonly LoyaltyPolicy[] = [
  {
    version: 1,
    effectiveFrom: '2000-01',
    levels: [
      { level: 'silver', months: 3, minMonthlyTonnes: 1000 },
      { level: 'gold', months: 6, minMonthlyTonnes: 2000 },
      { level: 'platinum', months: 12, minMonthlyTonnes: 3000 },
    ],
  },
];

/** The policy in force for a month: the highest version whose `effectiveFrom` is not after it. */
export function loyaltyPolicyFor(month: string, policies: readonly LoyaltyPolicy[] = LOYALTY_POLICIES): LoyaltyPolicy {
  const inForce = policies.filter((p) => p.effectiveFrom <= month).sort((a, b) => b.version - a.version);
  if (inForce.length === 0) throw new Error(`no loyalty policy in force for ${month}`);
  return inForce[0];
}

export interface LoyaltyAssessment {
  level: string | null;
  policyVersion: number;
  /** the months that earned the level (oldest first) with their kilograms; empty without a level */
  evidence: Array<{ month: string; kg: number }>;
}

/**
 * R-KAM-4: the highest level whose streak holds at `month`. A level is held while it is sustained:
 * a month below its threshold drops the account to the highest level still sustained (ADR 0013).
 */
export function assessLoyalty(month: string, kgByMonth: Readonly<Record<string, number>>, policy: LoyaltyPolicy): LoyaltyAssessment {
  let best: LoyaltyAssessment = { level: null, policyVersion: policy.version, evidence: [] };
  for (const rule of policy.levels) {
    const streak = Array.from({ length: rule.months }, (_, i) => addMonths(month, i - rule.months + 1));
    const threshold = Math.round(rule.minMonthlyTonnes * 1000);
    if (streak.every((m) => (kgByMonth[m] ?? 0) >= threshold)) {
      best = { level: rule.level, policyVersion: policy.version, evidence: streak.map((m) => ({ month: m, kg: kgByMonth[m] ?? 0 })) };
    }
  }
  return best;
}
