import type { BusinessHours } from './business-hours';
import type { CalendarYear } from './calendar-year.schema';
import { sha256Hex } from './sha256';

/**
 * 'cn-<first>..<last>#<8 hex>': the hash covers the data that changes a deadline (every date,
 * name and source, and the business hours), in a canonical order, so equal inputs give equal
 * versions on every machine and any correction gives a new one.
 */
export function calendarVersion(years: readonly CalendarYear[], hours: BusinessHours): string {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const canonical = JSON.stringify({
    years: sorted.map((y) => ({
      year: y.year,
      source: y.source,
      publishedOn: y.publishedOn ?? null,
      holidays: [...y.holidays]
        .sort((a, b) => (a.from < b.from ? -1 : 1))
        .map((p) => [p.from, p.to, p.nameZh, p.name]),
      makeUpWorkdays: [...y.makeUpWorkdays]
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map((m) => [m.date, m.forHoliday]),
    })),
    hours: { timeZone: hours.timeZone, periods: hours.periods.map((p) => [p.start, p.end]) },
  });
  const range = sorted.length === 0 ? 'none' : `${sorted[0].year}..${sorted[sorted.length - 1].year}`;
  return `cn-${range}#${sha256Hex(canonical).slice(0, 8)}`;
}
