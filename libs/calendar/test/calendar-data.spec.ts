import { createHash } from 'node:crypto';
import { CalendarDataError, CalendarInputError, WorkingCalendar, calendarYearSchema, type CalendarYear } from '../src';
import { sha256Hex } from '../src/sha256';

// A made-up notice for 2027, shaped like the real ones, to play the operator's correction.
const notice2027: CalendarYear = {
  year: 2027,
  source: '测试〔2026〕1号',
  publishedOn: '2026-11-01',
  holidays: [{ name: "New Year's Day", nameZh: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  makeUpWorkdays: [{ date: '2027-01-09', forHoliday: '元旦' }],
};

describe('calendarYearSchema', () => {
  it('accepts every shipped notice', () => {
    for (const y of WorkingCalendar.official().years) expect(calendarYearSchema.safeParse(y).success).toBe(true);
  });

  it.each<[string, (y: CalendarYear) => unknown, string]>([
    ['an impossible date', (y) => ({ ...y, holidays: [{ ...y.holidays[0], to: '2027-02-30' }] }), 'holidays.0.to'],
    ['a period that ends before it starts', (y) => ({ ...y, holidays: [{ ...y.holidays[0], from: '2027-01-05' }] }), 'holidays.0.to'],
    ['a period longer than 15 days', (y) => ({ ...y, holidays: [{ ...y.holidays[0], to: '2027-01-20' }] }), 'holidays.0.to'],
    ['a make-up day on a weekday', (y) => ({ ...y, makeUpWorkdays: [{ date: '2027-01-05', forHoliday: '元旦' }] }), 'makeUpWorkdays.0.date'],
    ['a make-up day for an unknown holiday', (y) => ({ ...y, makeUpWorkdays: [{ date: '2027-01-09', forHoliday: '春节' }] }), 'makeUpWorkdays.0.forHoliday'],
    ['a make-up day inside a holiday', (y) => ({ ...y, makeUpWorkdays: [{ date: '2027-01-02', forHoliday: '元旦' }] }), 'makeUpWorkdays.0.date'],
    ['dates two years away', (y) => ({ ...y, holidays: [{ ...y.holidays[0], from: '2029-01-01', to: '2029-01-01' }] }), 'holidays.0'],
    ['overlapping periods', (y) => ({ ...y, holidays: [...y.holidays, { ...y.holidays[0], nameZh: '春节' }] }), 'holidays.0'],
    ['a missing source', (y) => ({ ...y, source: '' }), 'source'],
    ['a year that is not an integer', (y) => ({ ...y, year: 2027.5 }), 'year'],
  ])('rejects %s', (_name, mutate, path) => {
    const result = calendarYearSchema.safeParse(mutate(notice2027));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('WorkingCalendar data and versions', () => {
  const official = WorkingCalendar.official();

  it('has a deterministic version naming the years covered', () => {
    expect(official.version).toMatch(/^cn-2024\.\.2026#[0-9a-f]{8}$/);
    expect(WorkingCalendar.official().version).toBe(official.version);
    expect(new WorkingCalendar([...official.years].reverse()).version).toBe(official.version);
  });

  it('R-CMP-4: withYear adds a notice: 2027 stops being provisional and the version changes', () => {
    const next = official.withYear(notice2027);
    expect(next.version).toMatch(/^cn-2024\.\.2027#[0-9a-f]{8}$/);
    expect(next.dayInfo('2027-01-01')).toMatchObject({ kind: 'holiday', provisional: false, source: '测试〔2026〕1号' });
    expect(next.dayInfo('2027-01-09')).toMatchObject({ kind: 'makeup-workday', working: true });
    expect(official.dayInfo('2027-01-01').provisional).toBe(true);
  });

  it('R-CMP-4: withYear replaces a year, and the deadline records the new version', () => {
    const y2026 = official.years.find((y) => y.year === 2026) as CalendarYear;
    const corrected = official.withYear({ ...y2026, makeUpWorkdays: y2026.makeUpWorkdays.filter((m) => m.date !== '2026-10-10') });
    expect(corrected.years).toHaveLength(3);
    expect(corrected.version).not.toBe(official.version);
    const result = corrected.addWorkingDays('2026-09-30T10:00:00+08:00', 3);
    expect(result.due).toBe('2026-10-12T10:00:00+08:00');
    expect(result.calendarVersion).toBe(corrected.version);
  });

  it('rejects invalid or contradictory data with every issue listed', () => {
    expect(() => new WorkingCalendar([{ ...notice2027, source: '' }])).toThrow(CalendarDataError);
    expect(() => new WorkingCalendar([notice2027, notice2027])).toThrow(/given twice/);
    const y2028: CalendarYear = {
      year: 2028,
      source: 'B',
      holidays: [{ name: 'x', nameZh: 'x', from: '2027-01-09', to: '2027-01-09' }],
      makeUpWorkdays: [],
    };
    expect(() => new WorkingCalendar([notice2027, y2028])).toThrow(/2027-01-09 is makeup-workday/);
  });

  it('keeps its years immutable', () => {
    expect(() => (official.years[0].holidays as unknown[]).push({})).toThrow(TypeError);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }],
    [{ periods: [] }],
    [{ periods: [{ start: '17:30', end: '08:30' }] }],
    [{ periods: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '17:30' }] }],
    [{ periods: [{ start: '8:30', end: '17:30' }] }],
  ])('rejects business hours %j', (hours) => {
    expect(() => WorkingCalendar.official(hours)).toThrow(CalendarInputError);
  });
});

describe('sha256Hex', () => {
  it.each([[''], ['abc'], ['国办发明电〔2025〕7号'], ['x'.repeat(55)], ['y'.repeat(56)], ['z'.repeat(1000)]])(
    'matches node:crypto for %p',
    (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    },
  );
});
