import { bandOf, nextGrade, oneStepToward, type Grade } from './grading';
import type { Admission, AdmissionCriterion, CustomerClass, ProductLine } from './customer.shapes';
import type { CustomerContext } from './customer.context';
import { toTonnes } from './customer.context';
import { addMonths, monthOf, shanghaiDate } from './shanghai-time';
import { GRADING_POLICY } from './grading-policy';

/**
 * Pure policy checks shared by the decider (for clear messages) and the machine's guards (the
 * final judge), so the two can never disagree.
 */

/** R-TIER-1 (polyolefin) and R-TIER-5 (other chemicals): which classes exist per product line. */
export function classProblem(productLine: ProductLine, cls: CustomerClass): string | null {
  if (productLine === 'polyolefin') {
    if (cls.salesObject === 'exclusive_agent') return 'R-TIER-1: polyolefin customers are direct customers or distributors';
    if (cls.salesForm === null) return 'R-TIER-1: polyolefin customers are online-auction or planned customers';
    return null;
  }
  return cls.salesForm === null ? null : 'R-TIER-5: other chemical products have no sales form (online auction / planned)';
}

/**
 * R-TIER-2/3: a new polyolefin customer starts as online-auction (新开发客户), a planned one at
 * ordinary, and a direct customer is managed as an ordinary planned customer whatever its form.
 */
export function gradeForClass(productLine: ProductLine, cls: CustomerClass): Grade | null {
  if (productLine !== 'polyolefin') return null;
  return cls.salesForm === 'online_auction' && cls.salesObject !== 'direct' ? 'online_auction' : 'ordinary';
}

const DIRECT_CRITERIA: AdmissionCriterion[] = ['producer_of_scale', 'good_funds_and_credit'];
const DISTRIBUTOR_CRITERIA: AdmissionCriterion[] = ['sound_operation', 'honest', 'well_funded', 'good_reputation'];

/** R-TIER-6 (and R-TIER-5 for the exclusive agent's exclusivity): criteria to attest on opening. */
export function requiredAdmission(productLine: ProductLine, cls: CustomerClass): AdmissionCriterion[] {
  if (productLine !== 'other_chemicals') return [];
  if (cls.salesObject === 'direct') return DIRECT_CRITERIA;
  if (cls.salesObject === 'exclusive_agent') return [...DISTRIBUTOR_CRITERIA, 'sells_only_group_products'];
  return DISTRIBUTOR_CRITERIA;
}

export function missingAdmission(productLine: ProductLine, cls: CustomerClass, admission: Admission | null | undefined): AdmissionCriterion[] {
  const attested = new Set((admission?.attestations ?? []).map((a) => a.criterion));
  return requiredAdmission(productLine, cls).filter((c) => !attested.has(c));
}

/** The month the next evaluation covers: the opening month first, then one after another. */
export function nextMonthToEvaluate(context: CustomerContext): string | null {
  if (context.productLine !== 'polyolefin' || !context.openedAt) return null;
  return context.lastEvaluatedMonth ? addMonths(context.lastEvaluatedMonth, 1) : monthOf(shanghaiDate(context.openedAt));
}

export interface EvaluationOutcome {
  tonnage: number;
  band: Grade;
  newGrade: Grade;
  ruleId: string;
}

/**
 * One month's evaluation from a starting grade: R-TIER-3 pins direct customers to ordinary, the
 * rest move one step toward their band (R-TIER-4). An online-auction customer (R-TIER-2 网拍客户:
 * 新开发客户) stays one under the old reading (`policy` null: evaluations recorded before ADR 0023
 * replay by it); under GRADING_POLICY a month at the first star standard (≥ 1000 t) takes it ONE
 * step, onto the planned ladder's first rung (ordinary).
 */
export function evaluateFrom(context: CustomerContext, from: Grade, monthKg: number, policy: string | null = null): EvaluationOutcome {
  const tonnage = toTonnes(monthKg);
  const band = bandOf(tonnage);
  if (context.class?.salesObject === 'direct') return { tonnage, band, newGrade: 'ordinary', ruleId: 'R-TIER-3' };
  if (from === 'online_auction') {
    const entersLadder = policy === GRADING_POLICY && band !== 'ordinary';
    return { tonnage, band, newGrade: entersLadder ? 'ordinary' : from, ruleId: 'R-TIER-2' };
  }
  return { tonnage, band, newGrade: nextGrade(from, tonnage), ruleId: 'R-TIER-4' };
}

export function evaluateMonthOf(context: CustomerContext, month: string, policy: string | null = null): EvaluationOutcome {
  return evaluateFrom(context, context.grade ?? 'ordinary', context.monthKg[month] ?? 0, policy);
}

export const hasExpiredDocument = (context: CustomerContext): boolean => Object.values(context.documents).some((d) => d.expired);

/**
 * R-TIER-4 (依次升降) for a late change to the latest evaluated month: the month's move is re-decided
 * from the grade it started at, and the grade it awarded then moves at most ONE step toward that
 * outcome. (An award of two-star from one-star corrected to a month worth "ordinary" goes back to
 * one-star, not straight to ordinary: the next month's evaluation may take the next step.)
 */
export function reevaluatedGrade(context: CustomerContext, month: string, monthKg: number, policy: string | null = null): EvaluationOutcome {
  const record = context.evaluations[month];
  const outcome = evaluateFrom(context, record.gradeBefore, monthKg, policy);
  return { ...outcome, newGrade: oneStepToward(record.gradeAfter, outcome.newGrade) };
}
