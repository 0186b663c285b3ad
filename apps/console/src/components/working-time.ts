/**
 * Live working-time countdown arithmetic. The API is the only judge of working time (its clock,
 * its business hours, its calendar), so the console never computes it: it samples the API's
 * "working time left" and, between samples, runs down at the rate the last two samples showed
 * (1 during working hours, 0 outside them or when the service clock stands still).
 */
export interface WorkingTimeSample {
  /** working time left per the API (negative once overdue) */
  leftMs: number;
  /** the API's clock at that answer */
  serverNow: string;
  /** this page's monotonic clock (performance.now()) when the answer arrived */
  seenAt: number;
}

/** Working ms that passed per service ms between two samples: 1 in working hours, 0 outside, null if unknown. */
export function workingRate(previous: WorkingTimeSample | null, last: WorkingTimeSample): number | null {
  if (!previous) return null;
  const serverMs = Date.parse(last.serverNow) - Date.parse(previous.serverNow);
  if (!(serverMs > 0)) return 0; // the service clock did not move (e.g. a test's manual clock)
  return Math.min(1, Math.max(0, (previous.leftMs - last.leftMs) / serverMs));
}

/**
 * Working time left now: the last sample run down at the last known rate, never further than
 * `maxAheadMs` beyond it (a late poll must not let the display drift from the API's answer).
 */
export function extrapolateLeft(previous: WorkingTimeSample | null, last: WorkingTimeSample, now: number, maxAheadMs: number): number {
  const rate = workingRate(previous, last) ?? 0;
  const elapsed = Math.min(Math.max(0, now - last.seenAt), maxAheadMs);
  return Math.round(last.leftMs - rate * elapsed);
}

export interface WorkingTimeParts {
  overdue: boolean;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Splits a (possibly negative) duration into whole hours, minutes and seconds of working time. */
export function splitWorkingTime(ms: number): WorkingTimeParts {
  const total = Math.floor(Math.abs(ms) / 1000);
  return { overdue: ms < 0, hours: Math.floor(total / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

/** `5:03:12` style clock text (hours not wrapped at 24: these are working hours). */
export function clockText(ms: number): string {
  const p = splitWorkingTime(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.overdue ? '−' : ''}${p.hours}:${two(p.minutes)}:${two(p.seconds)}`;
}
