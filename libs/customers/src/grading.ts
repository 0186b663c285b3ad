import { z } from 'zod';

/** R-TIER-2: the five polyolefin grades, from newly developed to three-star. */
export const Grade = z.enum(['online_auction', 'ordinary', 'one_star', 'two_star', 'three_star']);
export type Grade = z.infer<typeof Grade>;

/** The grades a planned customer climbs by monthly tonnage, lowest first. */
export const PLANNED_LADDER = ['ordinary', 'one_star', 'two_star', 'three_star'] as const;
export type PlannedGrade = (typeof PLANNED_LADDER)[number];

/** Lower bounds in tonnes (R-TIER-2: ≥ 1000 one-star, ≥ 2000 two-star, ≥ 3000 three-star). */
export const BAND_THRESHOLDS: Readonly<Record<PlannedGrade, number>> = {
  ordinary: 0,
  one_star: 1000,
  two_star: 2000,
  three_star: 3000,
};

/** The grade a single month's tonnage falls in, ignoring where the customer stands now. */
export function bandOf(tonnage: number): PlannedGrade {
  for (let i = PLANNED_LADDER.length - 1; i > 0; i--) {
    if (tonnage >= BAND_THRESHOLDS[PLANNED_LADDER[i]]) return PLANNED_LADDER[i];
  }
  return 'ordinary';
}

export function ladderIndex(grade: Grade): number {
  return PLANNED_LADDER.indexOf(grade as PlannedGrade);
}

/**
 * R-TIER-4 (依次升降): a planned customer moves ONE step toward the band its month's tonnage
 * falls in, never jumps. Online-auction customers are not graded by tonnage (R-TIER-2): they
 * leave that grade only by becoming planned customers.
 */
export function nextGrade(current: Grade, tonnage: number): Grade {
  if (current === 'online_auction') return current;
  const from = ladderIndex(current);
  const target = ladderIndex(bandOf(tonnage));
  if (target === from) return current;
  return PLANNED_LADDER[from + Math.sign(target - from)];
}

/** R-TIER-4: one step from `current` toward `target` on the planned ladder; a grade off the ladder is not a tonnage move. */
export function oneStepToward(current: Grade, target: Grade): Grade {
  const from = ladderIndex(current);
  const to = ladderIndex(target);
  if (from < 0 || to < 0) return target;
  return PLANNED_LADDER[from + Math.sign(to - from)];
}

/** Steps between two grades on the planned ladder (0 when either is off it). */
export function stepsBetween(a: Grade, b: Grade): number {
  const [from, to] = [ladderIndex(a), ladderIndex(b)];
  return from < 0 || to < 0 ? 0 : Math.abs(from - to);
}
