import type { CustomerContext } from './customer.context';
import type { CustomerEvent, CustomerEventOf } from './customer.events';
import { stepsBetween } from './grading';
import { GRADING_POLICY } from './grading-policy';
import { evaluateMonthOf, nextMonthToEvaluate, reevaluatedGrade } from './customer.rules';

type Guard = (context: CustomerContext, event: CustomerEvent) => boolean;

/** R-TIER-4 (ADR 0023): a proposal is what the policy produces from its evidence, one step from where the customer stands. */
function proposalIsWarranted(c: CustomerContext, e: CustomerEventOf<'GradeMoveProposed'>): boolean {
  const { month, currentGrade, proposedGrade, basis } = e.data;
  if (currentGrade !== c.grade || proposedGrade === currentGrade || stepsBetween(currentGrade, proposedGrade) > 1) return false;
  if (basis === 'monthly_evaluation') {
    return c.pendingGradeMove === null && month === nextMonthToEvaluate(c) && evaluateMonthOf(c, month, GRADING_POLICY).newGrade === proposedGrade;
  }
  const record = c.evaluations[month];
  const pendingElsewhere = c.pendingGradeMove !== null && c.pendingGradeMove.month !== month;
  return !!record && !pendingElsewhere && month === c.lastEvaluatedMonth && record.gradeAfter === c.grade &&
    reevaluatedGrade(c, month, c.monthKg[month] ?? 0, GRADING_POLICY).newGrade === proposedGrade;
}

const pendingIs = (c: CustomerContext, month: string, proposedGrade: string) =>
  c.pendingGradeMove !== null && c.pendingGradeMove.month === month && c.pendingGradeMove.proposedGrade === proposedGrade;

/** A confirmation applies exactly the pending proposal, with the review that decided it. */
export function confirmsPendingMove(c: CustomerContext, e: CustomerEventOf<'CustomerGradeChanged'>): boolean {
  const { month, newGrade, previousGrade, review } = e.data;
  return month !== null && !!review && pendingIs(c, month, newGrade) && c.pendingGradeMove?.currentGrade === previousGrade;
}

export const gradeReviewGuards = {
  proposalIsWarranted: (c, e) => e.type === 'GradeMoveProposed' && e.data.policy === GRADING_POLICY && proposalIsWarranted(c, e),
  holdsPendingMove: (c, e) => e.type === 'GradeMoveHeld' && pendingIs(c, e.data.month, e.data.proposedGrade) && e.data.currentGrade === c.grade,
  lapsesPendingMove: (c, e) => e.type === 'GradeMoveLapsed' && pendingIs(c, e.data.month, e.data.proposedGrade),
} satisfies Record<string, Guard>;
