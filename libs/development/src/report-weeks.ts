/**
 * R-DEV-3 calendar arithmetic on Beijing dates (UTC+8 all year: China keeps no daylight saving).
 * A week runs Monday to Sunday; its summary is due by its Sunday.
 */
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The Beijing calendar date of an instant. */
export const beijingDate = (instant: string): string => new Date(Date.parse(instant) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** 1970-01-01 was a Thursday, so day 4 is the first Monday. */
const weekdayFromMonday = (day: number): number => (((day - 4) % 7) + 7) % 7;

export const isMonday = (isoDate: string): boolean => weekdayFromMonday(dayNumber(isoDate)) === 0;

export function mondayOf(isoDate: string): string {
  const day = dayNumber(isoDate);
  return dateOfDay(day - weekdayFromMonday(day));
}

export const addDays = (isoDate: string, days: number): string => dateOfDay(dayNumber(isoDate) + days);

/** The month (YYYY-MM) a week is reported in: the month of its Monday. */
export const monthOfWeek = (weekStarting: string): string => weekStarting.slice(0, 7);

/**
 * R-DEV-3: the weeks (their Mondays) an approved plan owes a weekly summary for as of `asOf`:
 * from the week it was approved in to the week of its deadline, each once its Sunday is past.
 */
export function weeksDue(approvedAt: string, deadline: string, asOf: string): string[] {
  const weeks: string[] = [];
  const last = beijingDate(deadline);
  for (let monday = mondayOf(beijingDate(approvedAt)); monday <= last && addDays(monday, 6) < asOf; monday = addDays(monday, 7)) {
    weeks.push(monday);
  }
  return weeks;
}

/** R-DEV-3: the weeks due as of `asOf` that no weekly summary was recorded for. */
export function missingWeeklyReports(approvedAt: string, deadline: string, reportedWeeks: Iterable<string>, asOf: string): string[] {
  const reported = new Set(reportedWeeks);
  return weeksDue(approvedAt, deadline, asOf).filter((week) => !reported.has(week));
}
