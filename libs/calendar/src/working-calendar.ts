import { resolveBusinessHours, type BusinessHours, type ResolvedHours } from './business-hours';
import { BusinessTimeline } from './business-timeline';
import { CalendarDataError, CalendarInputError } from './calendar.errors';
import { calendarVersion } from './calendar-version';
import { calendarYearSchema, type CalendarYear } from './calendar-year.schema';
import { DayIndex, type DayInfo } from './day-index';
import { explainDay } from './deadline-explanation';
import type { DeadlineResult } from './deadline-result';
import { addDays, dayNumber, type IsoDate } from './iso-date';
import { toInstant } from './instant-input';
import { OFFICIAL_YEARS } from './official-years';
import { ZoneClock } from './zone-clock';

const MAX_DAYS_LISTED = 3660;

/**
 * China's working-day calendar (R-CMP-4) with business hours, immutable and pure: every
 * answer depends only on the loaded notices, the hours and the arguments (ADR 0003).
 */
export class WorkingCalendar {
  /** The notices shipped with this library (see `official-years.ts` for the list). */
  static official(hours?: Partial<BusinessHours>): WorkingCalendar {
    return new WorkingCalendar(OFFICIAL_YEARS, hours);
  }

  readonly version: string;
  readonly years: readonly CalendarYear[];
  readonly hours: BusinessHours;
  private readonly resolved: ResolvedHours;
  private readonly clock: ZoneClock;
  private readonly timeline: BusinessTimeline;

  constructor(years: readonly CalendarYear[], hours?: Partial<BusinessHours>) {
    this.years = Object.freeze(validateYears(years));
    this.resolved = resolveBusinessHours(hours);
    this.hours = this.resolved.hours;
    this.clock = new ZoneClock(this.hours.timeZone);
    this.timeline = new BusinessTimeline(new DayIndex(this.years), this.clock, this.resolved);
    this.version = calendarVersion(this.years, this.hours);
  }

  /** A new calendar in which `year` replaces any notice already loaded for the same year. */
  withYear(year: CalendarYear): WorkingCalendar {
    return new WorkingCalendar([...this.years.filter((y) => y.year !== year.year), year], this.hours);
  }

  /** Length of one working day of business time, in milliseconds (9 h by default). */
  get workingDayMs(): number {
    return this.resolved.dayMs;
  }

  dayInfo(date: IsoDate): DayInfo {
    dayNumber(date);
    return this.timeline.info(date);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    dayNumber(date);
    for (let i = 1, d = addDays(date, 1); i <= MAX_DAYS_LISTED; i++, d = addDays(d, 1)) {
      if (this.timeline.info(d).working) return d;
    }
    throw new CalendarInputError(`no working day within ${MAX_DAYS_LISTED} days after ${date}`);
  }

  /** Every day from `from` to `to` inclusive, e.g. for a calendar view. */
  days(from: IsoDate, to: IsoDate): DayInfo[] {
    const span = dayNumber(to) - dayNumber(from);
    if (span < 0) throw new CalendarInputError(`from ${from} is after to ${to}`);
    if (span >= MAX_DAYS_LISTED) throw new CalendarInputError(`at most ${MAX_DAYS_LISTED} days at a time`);
    return Array.from({ length: span + 1 }, (_, i) => this.timeline.info(addDays(from, i)));
  }

  /** Deadline after `workingDays` (≥ 0, fractions allowed) working days of business time (R-CMP-3). */
  addWorkingDays(start: Date | string, workingDays: number): DeadlineResult {
    return this.explainDeadline(start, workingDays);
  }

  explainDeadline(start: Date | string, workingDays: number): DeadlineResult {
    if (typeof workingDays !== 'number' || !Number.isFinite(workingDays) || workingDays < 0) {
      throw new CalendarInputError(`workingDays must be a finite number ≥ 0, got ${workingDays}`);
    }
    const startMs = toInstant(start, this.clock);
    const dueMs = this.timeline.advance(startMs, Math.round(workingDays * this.resolved.dayMs));
    const days = this.timeline.overlapByDay(startMs, dueMs);
    const infos = days.map((d) => this.timeline.info(d.date));
    return {
      due: this.clock.formatInstant(dueMs),
      calendarVersion: this.version,
      provisional: infos.some((i) => i.provisional),
      explanation: days.map((d, i) => explainDay(infos[i], d.spans, this.clock)),
    };
  }

  /** Business time from `a` to `b` (negative when b is before a). */
  workingTimeBetween(a: Date | string, b: Date | string): { ms: number; provisional: boolean } {
    const [am, bm] = [toInstant(a, this.clock), toInstant(b, this.clock)];
    const [lo, hi, sign] = am <= bm ? [am, bm, 1] : [bm, am, -1];
    const days = this.timeline.overlapByDay(lo, hi);
    const ms = days.reduce((sum, d) => sum + d.spans.reduce((s, [x, y]) => s + (y - x), 0), 0);
    return { ms: sign * ms || 0, provisional: days.some((d) => this.timeline.info(d.date).provisional) };
  }
}

function validateYears(years: readonly CalendarYear[]): CalendarYear[] {
  const seen = new Set<number>();
  const out = years.map((raw) => {
    const parsed = calendarYearSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `year ${raw?.year}: ${i.path.join('.')}: ${i.message}`);
      throw new CalendarDataError(`invalid calendar data: ${issues[0]}`, issues);
    }
    if (seen.has(parsed.data.year)) throw new CalendarDataError(`year ${parsed.data.year} given twice`);
    seen.add(parsed.data.year);
    return deepFreeze(parsed.data);
  });
  return out.sort((x, y) => x.year - y.year);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
