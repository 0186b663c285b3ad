/**
 * R-ALLOC-3 "evenly spread weekly pickups": 1 − coefficient of variation (population standard
 * deviation / mean) of the weekly tonnages, clamped to [0, 1]. Every week of the window counts,
 * including weeks with nothing picked up: one big load in a quiet month is uneven. 1 = the same
 * every week; null when nothing was picked up at all (no pattern to judge).
 */
export function weeklyEvenness(weeklyKg: readonly number[]): number | null {
  if (weeklyKg.length === 0) return null;
  const mean = weeklyKg.reduce((a, b) => a + b, 0) / weeklyKg.length;
  if (mean <= 0) return null;
  const variance = weeklyKg.reduce((a, w) => a + (w - mean) ** 2, 0) / weeklyKg.length;
  return Math.min(1, Math.max(0, 1 - Math.sqrt(variance) / mean));
}
