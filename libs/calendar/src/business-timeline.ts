import type { ResolvedHours } from './business-hours';
import { CalendarInputError } from './calendar.errors';
import type { DayIndex, DayInfo } from './day-index';
import { addDays, type IsoDate } from './iso-date';
import type { ZoneClock } from './zone-clock';

/** [start, end] instants (epoch ms) of one business period. */
export type Span = readonly [number, number];

// Ten years of days: far beyond any SLA; stops a runaway loop on absurd input.
const MAX_DAYS = 3660;

/** Business time as a sequence of spans on the real calendar: the arithmetic behind deadlines. */
export class BusinessTimeline {
  constructor(
    private readonly index: DayIndex,
    private readonly clock: ZoneClock,
    private readonly hours: ResolvedHours,
  ) {}

  get dayMs(): number {
    return this.hours.dayMs;
  }

  dateOf(ms: number): IsoDate {
    return this.clock.local(ms).date;
  }

  info(date: IsoDate): DayInfo {
    return this.index.info(date);
  }

  /** The business spans of a date, empty when it is not a working day. */
  spans(date: IsoDate): Span[] {
    if (!this.index.info(date).working) return [];
    return this.hours.minutes.map(([s, e]) => [this.clock.instant(date, s), this.clock.instant(date, e)] as const);
  }

  /**
   * The instant at which `needMs` of business time has elapsed since `startMs`. The clock
   * starts at the first business instant at or after `startMs`; a deadline that uses up a
   * period exactly lands on that period's close (17:30), not the next opening.
   */
  advance(startMs: number, needMs: number): number {
    let remaining = needMs;
    let date = this.dateOf(startMs);
    for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
      for (const [s, e] of this.spans(date)) {
        if (e < startMs) continue;
        const from = Math.max(s, startMs);
        if (remaining <= e - from) return from + remaining;
        remaining -= e - from;
      }
    }
    throw new CalendarInputError(`deadline lies more than ${MAX_DAYS} days after the start`);
  }

  /** Business time inside [a, b], split by local date; a ≤ b. */
  overlapByDay(a: number, b: number): { date: IsoDate; spans: Span[] }[] {
    const out: { date: IsoDate; spans: Span[] }[] = [];
    const last = this.dateOf(b);
    let date = this.dateOf(a);
    for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
      const spans = this.spans(date)
        .map(([s, e]) => [Math.max(s, a), Math.min(e, b)] as const)
        .filter(([s, e]) => s < e);
      out.push({ date, spans });
      if (date === last) return out;
    }
    throw new CalendarInputError(`range longer than ${MAX_DAYS} days`);
  }
}
