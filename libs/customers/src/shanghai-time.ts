/**
 * Calendar arithmetic in Asia/Shanghai. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact for every date this product handles and needs no Intl.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a real calendar date in YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  return new Date(`${date}T00:00:00.000Z`).toISOString().slice(0, 10) === date;
}

/** The Shanghai calendar date of an ISO instant. */
export function shanghaiDate(instant: string): string {
  return new Date(Date.parse(instant) + OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

/** The instant at which a Shanghai calendar day begins (00:00 +08:00). */
export function startOfShanghaiDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS).toISOString();
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instant a month is over in Shanghai: the start of the 1st of the next month. */
export function endOfShanghaiMonth(month: string): string {
  return startOfShanghaiDay(`${addMonths(month, 1)}-01`);
}
