/** A grade fact as GET /customers/{id} answers it, with the tonnage band (R-TIER-2). */
export interface GradeReviewFact {
  kind: string;
  month: string | null;
  tonnage: number | null;
  band?: string | null;
  previousGrade: string | null;
  newGrade: string;
  cause: string;
  at: string;
  position: number;
}

export interface PendingMove { month: string; tonnage: number | null; band: string | null; currentGrade: string | null; proposedGrade: string; basis: string; proposedAt: string }

/**
 * R-TIER-4 (ADR 0023): the proposed move still waiting for the sales department — the latest
 * proposal, unless a later change of its month (confirmed), hold or lapse settled it.
 */
export function pendingGradeMove(reviews: readonly GradeReviewFact[], history: readonly GradeReviewFact[]): PendingMove | null {
  const proposals = reviews.filter((r) => r.kind === 'proposed' && r.month);
  const last = proposals.reduce<GradeReviewFact | null>((a, r) => (!a || r.position > a.position ? r : a), null);
  if (!last || !last.month) return null;
  const settled = [...reviews.filter((r) => r.kind === 'held' || r.kind === 'lapsed'), ...history.filter((h) => h.kind === 'changed')]
    .some((r) => r.month === last.month && r.position > last.position);
  if (settled) return null;
  return { month: last.month, tonnage: last.tonnage, band: last.band ?? null, currentGrade: last.previousGrade, proposedGrade: last.newGrade, basis: last.cause, proposedAt: last.at };
}
