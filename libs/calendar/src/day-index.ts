import { CalendarDataError } from './calendar.errors';
import type { CalendarYear } from './calendar-year.schema';
import { addDays, isWeekend, yearOf, type IsoDate } from './iso-date';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  working: boolean;
  /** True when the date's year has no official notice loaded: Mon–Fri is only a guess. */
  provisional: boolean;
  /** nameZh of the holiday (for a make-up day: the holiday it pays for). */
  holiday?: string;
  /** The notice the answer comes from. */
  source?: string;
}

interface Entry {
  kind: 'holiday' | 'makeup-workday';
  holiday: string;
  source: string;
}

/** Every special date of the loaded notices, looked up in O(1). */
export class DayIndex {
  private readonly entries = new Map<IsoDate, Entry>();
  private readonly covered: ReadonlySet<number>;

  constructor(years: readonly CalendarYear[]) {
    this.covered = new Set(years.map((y) => y.year));
    const issues: string[] = [];
    for (const y of years) {
      for (const p of y.holidays) {
        for (let d = p.from; d <= p.to; d = addDays(d, 1)) {
          this.put(d, { kind: 'holiday', holiday: p.nameZh, source: y.source }, issues);
        }
      }
      for (const m of y.makeUpWorkdays) {
        this.put(m.date, { kind: 'makeup-workday', holiday: m.forHoliday, source: y.source }, issues);
      }
    }
    if (issues.length > 0) throw new CalendarDataError(`conflicting calendar data: ${issues[0]}`, issues);
  }

  info(date: IsoDate): DayInfo {
    const provisional = !this.covered.has(yearOf(date));
    const e = this.entries.get(date);
    if (e) {
      return { date, kind: e.kind, working: e.kind === 'makeup-workday', provisional, holiday: e.holiday, source: e.source };
    }
    const kind: DayKind = isWeekend(date) ? 'weekend' : 'workday';
    return { date, kind, working: kind === 'workday', provisional };
  }

  private put(date: IsoDate, entry: Entry, issues: string[]): void {
    const prior = this.entries.get(date);
    if (prior && (prior.kind !== entry.kind || prior.source !== entry.source)) {
      issues.push(`${date} is ${prior.kind} in ${prior.source} and ${entry.kind} in ${entry.source}`);
    }
    this.entries.set(date, entry);
  }
}
