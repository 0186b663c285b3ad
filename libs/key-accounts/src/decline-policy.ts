import { z } from 'zod';

/** R-KAM-3 thresholds, versioned: every warning records the version it was raised under. */
export const DeclinePolicy = z.object({
  version: z.number().int().min(1),
  /** warn when the trailing 3 months fall below this share of the 3 months before them */
  priorRatio: z.number().gt(0).lte(1),
  /** … or below this share of the same 3 months a year earlier */
  lastYearRatio: z.number().gt(0).lte(1),
  /** … or when nothing was picked up for this many weeks up to the month's last day */
  silentWeeks: z.number().int().min(1).max(52),
});
export type DeclinePolicy = z.infer<typeof DeclinePolicy>;

export const DECLINE_POLICY_V1: DeclinePolicy = { version: 1, priorRatio: 0.7, lastYearRatio: 0.7, silentWeeks: 6 };
