import type { CustomerContext } from './customer.context';
import { toKg } from './customer.context';
import type { CustomerEventOf } from './customer.events';

/**
 * R-TIER-4 under ADR 0023: a proposal marks its month evaluated (the grade it started from is
 * kept; the award waits for review); a confirmation awards it; a hold or a lapse leaves it.
 */
export function moveProposed(context: CustomerContext, { data }: CustomerEventOf<'GradeMoveProposed'>): Partial<CustomerContext> {
  const pendingGradeMove = {
    month: data.month, tonnage: data.tonnage, band: data.band, currentGrade: data.currentGrade, proposedGrade: data.proposedGrade, basis: data.basis, proposedAt: data.proposedAt,
  };
  if (data.basis === 'reevaluation') return { pendingGradeMove, gradingPolicy: data.policy };
  const record = { tonnageKg: toKg(data.tonnage), gradeBefore: data.currentGrade, gradeAfter: data.currentGrade };
  return { pendingGradeMove, gradingPolicy: data.policy, evaluations: { ...context.evaluations, [data.month]: record }, lastEvaluatedMonth: data.month };
}

export function reviewedMoveConfirmed(context: CustomerContext, { data }: CustomerEventOf<'CustomerGradeChanged'>): Partial<CustomerContext> {
  const month = data.month as string;
  const record = context.evaluations[month];
  return { grade: data.newGrade, pendingGradeMove: null, evaluations: { ...context.evaluations, [month]: { ...record, gradeAfter: data.newGrade } } };
}
