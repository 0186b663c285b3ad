import type { DeclinePolicy } from './decline-policy';
import { addMonths, daysBetween, lastDayOfMonth } from './months';

export type DeclineReason = 'below_prior_quarter' | 'below_last_year' | 'no_pickup';
export interface DeclineEvidence {
  month: string;
  /** kilograms in the three months ending with `month` */
  trailingKg: number;
  /** kilograms in the three months before those */
  priorKg: number;
  /** kilograms in the same three months a year earlier */
  lastYearKg: number;
  lastPickupDate: string | null;
  /** whole days from the last pickup to the month's last day; null without any pickup */
  daysSincePickup: number | null;
}
export interface DeclineAssessment {
  declining: boolean;
  reasons: DeclineReason[];
  evidence: DeclineEvidence;
}

const sumMonths = (kgByMonth: Readonly<Record<string, number>>, last: string, count: number) => {
  let total = 0;
  for (let i = 0; i < count; i++) total += kgByMonth[addMonths(last, -i)] ?? 0;
  return total;
};

/**
 * R-KAM-3: is the account declining at the end of `month`? Volume is compared in integer
 * kilograms (trailing × 1000 < prior × ratio × 1000 rounded) so a ratio never flips on rounding.
 * A comparison is only made when its baseline had volume: an account with nothing last year is
 * not "below last year". Silence counts from the last pickup on or before the month's last day.
 */
export function assessDecline(
  month: string,
  kgByMonth: Readonly<Record<string, number>>,
  lastPickupDate: string | null,
  policy: DeclinePolicy,
): DeclineAssessment {
  const trailingKg = sumMonths(kgByMonth, month, 3);
  const priorKg = sumMonths(kgByMonth, addMonths(month, -3), 3);
  const lastYearKg = sumMonths(kgByMonth, addMonths(month, -12), 3);
  const daysSincePickup = lastPickupDate === null ? null : daysBetween(lastPickupDate, lastDayOfMonth(month));
  const reasons: DeclineReason[] = [];
  if (priorKg > 0 && trailingKg * 1000 < Math.round(policy.priorRatio * 1000) * priorKg) reasons.push('below_prior_quarter');
  if (lastYearKg > 0 && trailingKg * 1000 < Math.round(policy.lastYearRatio * 1000) * lastYearKg) reasons.push('below_last_year');
  if (daysSincePickup !== null && daysSincePickup >= policy.silentWeeks * 7) reasons.push('no_pickup');
  return { declining: reasons.length > 0, reasons, evidence: { month, trailingKg, priorKg, lastYearKg, lastPickupDate, daysSincePickup } };
}
