import * as chineseDays from 'chinese-days';
import { OFFICIAL_YEARS, WorkingCalendar, type CalendarYear } from '../src';

// A fixed, named calendar for every test in this file.
const calendar = WorkingCalendar.official();

function datesOf(from: string, to: string): string[] {
  return calendar.days(from, to).map((d) => d.date);
}

const periods = OFFICIAL_YEARS.flatMap((y) => y.holidays.map((p) => ({ ...p, year: y.year, source: y.source })));
const makeUps = OFFICIAL_YEARS.flatMap((y) => y.makeUpWorkdays.map((m) => ({ ...m, year: y.year, source: y.source })));

describe('official notices shipped with the library', () => {
  it.each([
    [2024, '国办发明电〔2023〕7号', 7, 8],
    [2025, '国办发明电〔2024〕12号', 6, 5],
    [2026, '国办发明电〔2025〕7号', 7, 6],
  ])('R-CMP-4: %i comes from %s with %i holiday periods and %i make-up days', (year, source, nHolidays, nMakeUps) => {
    const y = OFFICIAL_YEARS.find((c) => c.year === year) as CalendarYear;
    expect(y.source).toBe(source);
    expect(y.holidays).toHaveLength(nHolidays);
    expect(y.makeUpWorkdays).toHaveLength(nMakeUps);
  });

  it.each(periods.map((p) => [p.year, p.nameZh, p.from, p.to, p.source]))(
    'R-CMP-4: %i %s %s..%s is off on every day and cites %s',
    (_year, nameZh, from, to, source) => {
      for (const date of datesOf(from as string, to as string)) {
        expect(calendar.dayInfo(date)).toEqual({
          date, kind: 'holiday', working: false, provisional: false, holiday: nameZh, source,
        });
      }
    },
  );

  it.each(makeUps.map((m) => [m.year, m.date, m.forHoliday, m.source]))(
    'R-CMP-4: %i make-up day %s (for %s) is a working weekend day citing %s',
    (_year, date, forHoliday, source) => {
      expect(calendar.dayInfo(date as string)).toEqual({
        date, kind: 'makeup-workday', working: true, provisional: false, holiday: forHoliday, source,
      });
      expect(calendar.isWorkingDay(date as string)).toBe(true);
    },
  );

  it.each([
    [2024, [22, 18, 21, 22, 21, 19, 23, 22, 21, 19, 21, 22], 251],
    [2025, [19, 19, 21, 22, 19, 20, 23, 21, 23, 18, 20, 23], 248],
    [2026, [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23], 248],
  ])('R-CMP-4: %i has working days per month %j, %i in the year', (year, perMonth, total) => {
    const counted = perMonth.map((_, i) => {
      const last = new Date(Date.UTC(year as number, i + 1, 0)).getUTCDate();
      const mm = String(i + 1).padStart(2, '0');
      return calendar.days(`${year}-${mm}-01`, `${year}-${mm}-${last}`).filter((d) => d.working).length;
    });
    expect(counted).toEqual(perMonth);
    expect(calendar.days(`${year}-01-01`, `${year}-12-31`).filter((d) => d.working)).toHaveLength(total as number);
  });

  // 365/366 days − 104 weekend days − statutory holidays (11 until 2024, 13 from 2025 after the
  // 2024 revision added one day each to Spring Festival and Labour Day).
  it.each([
    [2024, 366, 11],
    [2025, 365, 13],
    [2026, 365, 13],
  ])('R-CMP-4: %i working days = %i − 104 weekend days − %i statutory holidays', (year, days, statutory) => {
    const working = calendar.days(`${year}-01-01`, `${year}-12-31`).filter((d) => d.working).length;
    expect(working).toBe(days - 104 - statutory);
  });

  // chinese-days is an independent transcription of the same notices: a typo in our JSON
  // files shows up here as a disagreeing date.
  it.each([2024, 2025, 2026])('R-CMP-4: every day of %i agrees with chinese-days', (year) => {
    const disagreements = calendar
      .days(`${year}-01-01`, `${year}-12-31`)
      .filter((d) => {
        const theirs = chineseDays.getDayDetail(d.date);
        const theirsSpecial = theirs.name.includes(',');
        const oursSpecial = d.kind === 'holiday' || d.kind === 'makeup-workday';
        return d.working !== theirs.work || oursSpecial !== theirsSpecial;
      })
      .map((d) => d.date);
    expect(disagreements).toEqual([]);
  });

  it.each([2024, 2025, 2026])('R-CMP-4: make-up days of %i are exactly chinese-days working weekend days', (year) => {
    const weekendWork = calendar
      .days(`${year}-01-01`, `${year}-12-31`)
      .filter((d) => [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay()) && chineseDays.isWorkday(d.date))
      .map((d) => d.date);
    expect(weekendWork).toEqual(makeUps.filter((m) => m.year === year).map((m) => m.date).sort());
  });
});
