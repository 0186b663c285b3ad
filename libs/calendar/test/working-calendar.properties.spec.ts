import fc from 'fast-check';
import { WorkingCalendar } from '../src';

// Named calendars: default hours, and a lunch break, both on the shipped 2024–2026 notices.
const calendars = {
  default: WorkingCalendar.official(),
  lunchBreak: WorkingCalendar.official({ periods: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }] }),
};
const anyCalendar = fc.constantFrom(...Object.values(calendars));

// Starts anywhere from 2024-01-01 to mid-December 2026 (to the second, in or out of hours),
// so ten working days never leave the years with official data.
const FROM = Date.parse('2024-01-01T00:00:00+08:00');
const TO = Date.parse('2026-12-15T00:00:00+08:00');
const start = fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => new Date(s * 1000));
// Quarter days are exact in binary, so a + b == a+b holds without rounding noise.
const days = fc.integer({ min: 0, max: 40 }).map((q) => q / 4);
const runs = { numRuns: 300 };

const due = (c: WorkingCalendar, s: Date | string, n: number) => Date.parse(c.addWorkingDays(s, n).due);

describe('addWorkingDays properties', () => {
  it('R-CMP-3: is monotone in the start', () => {
    fc.assert(
      fc.property(anyCalendar, start, start, days, (c, a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(due(c, lo, n)).toBeLessThanOrEqual(due(c, hi, n));
      }),
      runs,
    );
  });

  it('R-CMP-3: is monotone in the number of working days', () => {
    fc.assert(
      fc.property(anyCalendar, start, days, days, (c, s, m, n) => {
        const [lo, hi] = m <= n ? [m, n] : [n, m];
        expect(due(c, s, lo)).toBeLessThanOrEqual(due(c, s, hi));
      }),
      runs,
    );
  });

  it('R-CMP-3: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(anyCalendar, start, days, days, (c, s, a, b) => {
        const first = c.addWorkingDays(s, a).due;
        expect(c.addWorkingDays(first, b).due).toBe(c.addWorkingDays(s, a + b).due);
      }),
      runs,
    );
  });

  it('R-CMP-3: the business time from start to due is exactly n working days', () => {
    fc.assert(
      fc.property(anyCalendar, start, days, (c, s, n) => {
        const { ms, provisional } = c.workingTimeBetween(s, c.addWorkingDays(s, n).due);
        expect(ms).toBe(n * c.workingDayMs);
        expect(provisional).toBe(false);
      }),
      runs,
    );
  });

  it('R-CMP-4: the due instant always falls inside business hours of a working day', () => {
    fc.assert(
      fc.property(anyCalendar, start, days, (c, s, n) => {
        const result = c.addWorkingDays(s, n);
        const date = result.due.slice(0, 10);
        const hhmmss = result.due.slice(11, 19);
        expect(result.due.endsWith('+08:00')).toBe(true);
        expect(c.isWorkingDay(date)).toBe(true);
        const inside = c.hours.periods.some((p) => `${p.start}:00` <= hhmmss && hhmmss <= `${p.end}:00`);
        expect(inside).toBe(true);
        expect(result.explanation.at(-1)?.date).toBe(date);
        expect(result.provisional).toBe(false);
      }),
      runs,
    );
  });
});

describe('years without official data', () => {
  const in2027 = fc
    .integer({ min: Date.parse('2027-01-01T00:00:00+08:00') / 1000, max: Date.parse('2027-12-20T00:00:00+08:00') / 1000 })
    .map((s) => new Date(s * 1000));

  it('R-CMP-4: every 2027 deadline and day is flagged provisional', () => {
    fc.assert(
      fc.property(anyCalendar, in2027, days, (c, s, n) => {
        const result = c.addWorkingDays(s, n);
        expect(result.provisional).toBe(true);
        expect(c.dayInfo(result.due.slice(0, 10)).provisional).toBe(true);
      }),
      runs,
    );
  });
});
