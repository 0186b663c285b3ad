import fc from 'fast-check';
import { beijingDate, isMonday, missingWeeklyReports, mondayOf, weeksDue } from '../src';

describe('weekly report weeks (R-DEV-3)', () => {
  it('R-DEV-3: dates are Beijing dates; weeks start on Monday', () => {
    expect(beijingDate('2026-10-04T16:30:00.000Z')).toBe('2026-10-05');
    expect(isMonday('2026-10-05')).toBe(true);
    expect(isMonday('2026-10-06')).toBe(false);
    expect(mondayOf('2026-10-11')).toBe('2026-10-05');
    expect(mondayOf('2026-10-12')).toBe('2026-10-12');
  });

  it('R-DEV-3: a week is owed once its Sunday is past, from the approval week to the deadline week', () => {
    const approvedAt = '2026-10-07T02:00:00.000Z'; // Wednesday 7 Oct
    expect(weeksDue(approvedAt, '2026-12-31T15:59:59.000Z', '2026-10-11')).toEqual([]);
    expect(weeksDue(approvedAt, '2026-12-31T15:59:59.000Z', '2026-10-12')).toEqual(['2026-10-05']);
    expect(weeksDue(approvedAt, '2026-10-20T00:00:00.000Z', '2026-11-30')).toEqual(['2026-10-05', '2026-10-12', '2026-10-19']);
  });

  it('R-DEV-3: the missing weeks are the owed weeks without a summary', () => {
    expect(missingWeeklyReports('2026-10-05T01:00:00.000Z', '2026-12-31T15:59:59.000Z', ['2026-10-12'], '2026-10-26')).toEqual(['2026-10-05', '2026-10-19']);
  });

  it('R-DEV-3 property: every owed week is a Monday, owed weeks are 7 days apart, and reporting them all leaves none missing', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString());
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 300 }), (approvedAt, span, later) => {
        const deadline = new Date(Date.parse(approvedAt) + span * 86_400_000).toISOString();
        const asOf = new Date(Date.parse(approvedAt) + later * 86_400_000).toISOString().slice(0, 10);
        const weeks = weeksDue(approvedAt, deadline, asOf);
        weeks.forEach((w, i) => {
          expect(isMonday(w)).toBe(true);
          if (i > 0) expect(Date.parse(w) - Date.parse(weeks[i - 1])).toBe(7 * 86_400_000);
        });
        expect(missingWeeklyReports(approvedAt, deadline, weeks, asOf)).toEqual([]);
      }),
    );
  });
});
