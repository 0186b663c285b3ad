import { z } from 'zod';

export const AbcThresholds = z
  .object({
    /** class A: the smallest prefix of the ranking whose cumulative share reaches this */
    a: z.number().gt(0).lte(1),
    /** class B: from there until the cumulative share reaches this; the rest is C */
    b: z.number().gt(0).lte(1),
  })
  .refine((t) => t.a <= t.b, { message: 'thresholds.a must not exceed thresholds.b (R-KAM-1)', path: ['a'] });
export type AbcThresholds = z.infer<typeof AbcThresholds>;
export const DEFAULT_ABC_THRESHOLDS: AbcThresholds = { a: 0.8, b: 0.95 };

export type AbcClass = 'A' | 'B' | 'C';
export interface CustomerVolume {
  customerId: string;
  /** integer kilograms over the period (profit is not recorded: volume stands in for it, ADR 0013) */
  kg: number;
}
export interface AbcRow extends CustomerVolume {
  rank: number;
  share: number;
  cumulativeShare: number;
  abcClass: AbcClass;
}

/**
 * R-KAM-1: ABC / Pareto over one period. Customers ranked by volume (ties by id, so the ranking is
 * a function of the data), each one's share and the cumulative share up to and including it. A is
 * the smallest prefix whose cumulative volume reaches `a`; B the further prefix up to `b`; C the
 * rest. Comparisons are made in kilograms (cumulative × total against threshold × total) so
 * floating-point shares never decide a class. Customers without volume are C.
 */
export function abcAnalysis(volumes: readonly CustomerVolume[], thresholds: AbcThresholds = DEFAULT_ABC_THRESHOLDS): AbcRow[] {
  const ranked = [...volumes].sort((x, y) => y.kg - x.kg || (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0));
  const total = ranked.reduce((sum, v) => sum + v.kg, 0);
  let cumulative = 0;
  let previousCumulative = 0;
  return ranked.map((v, i) => {
    previousCumulative = cumulative;
    cumulative += v.kg;
    const abcClass: AbcClass =
      total === 0 || v.kg === 0 ? 'C' : previousCumulative < thresholds.a * total ? 'A' : previousCumulative < thresholds.b * total ? 'B' : 'C';
    return {
      ...v,
      rank: i + 1,
      share: total === 0 ? 0 : v.kg / total,
      cumulativeShare: total === 0 ? 0 : cumulative / total,
      abcClass,
    };
  });
}
