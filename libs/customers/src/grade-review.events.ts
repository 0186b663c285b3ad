import { z } from 'zod';
import { Grade } from './grading';
import { GradingPolicy, ProposalBasis } from './grading-policy';
import { Id, IsoMonth } from './customer.shapes';

const Instant = z.iso.datetime({ offset: true });

/** R-TIER-4: the evaluation's tonnage move, waiting for the sales department (never more than one step). */
export const GradeMoveProposed = z.object({
  month: IsoMonth, tonnage: z.number(), band: Grade, currentGrade: Grade, proposedGrade: Grade, basis: ProposalBasis,
  ruleId: z.string(), policy: GradingPolicy, proposedAt: Instant,
});
export type GradeMoveProposed = z.infer<typeof GradeMoveProposed>;

/** The reviewer's reading of the other indicators (与其他指标共同考核): which one, and why. */
export const GradeReview = z.object({ indicator: Id, reason: z.string().min(1).max(2000), by: Id });
export type GradeReview = z.infer<typeof GradeReview>;

/** R-TIER-4: the reviewer keeps the grade although tonnage proposed a move. */
export const GradeMoveHeld = z.object({
  month: IsoMonth, currentGrade: Grade, proposedGrade: Grade, review: GradeReview, heldAt: Instant,
});
export type GradeMoveHeld = z.infer<typeof GradeMoveHeld>;

/** A proposal nobody decided before the next month's evaluation (or a re-run) replaced it. */
export const GradeMoveLapsed = z.object({ month: IsoMonth, proposedGrade: Grade, supersededBy: IsoMonth, lapsedAt: Instant });
export type GradeMoveLapsed = z.infer<typeof GradeMoveLapsed>;
