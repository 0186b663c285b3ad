import { CalendarInputError, WorkingCalendar } from '../src';

// A fixed, named calendar: the notices shipped for 2024–2026 and default hours 08:30–17:30 CST.
const official = WorkingCalendar.official();

describe('addWorkingDays', () => {
  it('R-CMP-3: major complaint received 2026-09-30 10:00 is due 2026-10-10 10:00 (国庆节, then make-up Saturday)', () => {
    const result = official.addWorkingDays('2026-09-30T10:00:00+08:00', 3);
    expect(result.due).toBe('2026-10-10T10:00:00+08:00');
    expect(result.provisional).toBe(false);
    expect(result.calendarVersion).toBe(official.version);
  });

  it.each([
    ['general, within the day', '2026-03-10T09:00:00+08:00', 1, '2026-03-11T09:00:00+08:00'],
    ['general, Friday afternoon → Monday', '2026-03-13T15:00:00+08:00', 1, '2026-03-16T15:00:00+08:00'],
    ['general, after hours starts at next opening', '2026-03-10T20:00:00+08:00', 1, '2026-03-11T17:30:00+08:00'],
    ['general, before opening ends at close', '2026-03-10T07:00:00+08:00', 1, '2026-03-10T17:30:00+08:00'],
    ['general, received on 春节 holiday', '2026-02-17T11:00:00+08:00', 1, '2026-02-24T17:30:00+08:00'],
    ['general, make-up Saturday counts', '2026-02-13T17:00:00+08:00', 1, '2026-02-14T17:00:00+08:00'],
    ['major, across 2025 国庆节、中秋节', '2025-09-30T14:00:00+08:00', 3, '2025-10-11T14:00:00+08:00'],
    ['special, 7 days across 2024 劳动节 with make-up Sunday 04-28', '2024-04-26T08:30:00+08:00', 7, '2024-05-08T17:30:00+08:00'],
    ['major, 2024 元旦 with the weekend', '2023-12-29T12:00:00+08:00', 3, '2024-01-04T12:00:00+08:00'],
    ['warning at 0.75 of a general day', '2026-03-10T08:30:00+08:00', 0.75, '2026-03-10T15:15:00+08:00'],
    ['zero days from after hours = next opening', '2026-03-10T18:00:00+08:00', 0, '2026-03-11T08:30:00+08:00'],
    ['UTC input', '2026-09-30T02:00:00Z', 3, '2026-10-10T10:00:00+08:00'],
    ['wall-clock input read in Asia/Shanghai', '2026-09-30T10:00', 3, '2026-10-10T10:00:00+08:00'],
  ])('R-CMP-3: %s', (_name, start, days, due) => {
    expect(official.addWorkingDays(start, days).due).toBe(due);
  });

  it('R-CMP-3: accepts a Date', () => {
    const start = new Date(Date.UTC(2026, 8, 30, 2, 0));
    expect(official.addWorkingDays(start, 3).due).toBe('2026-10-10T10:00:00+08:00');
  });

  it('R-CMP-3: a lunch break is not working time', () => {
    const withLunch = WorkingCalendar.official({ periods: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });
    const result = withLunch.addWorkingDays('2026-03-10T11:00:00+08:00', 1);
    expect(result.due).toBe('2026-03-11T11:00:00+08:00');
    expect(result.explanation[0].counted).toBe('11:00–12:00, 13:30–17:30 (5h)');
    expect(withLunch.version).not.toBe(official.version);
  });

  it('R-CMP-3: business hours in another zone are counted on that zone\'s wall clock', () => {
    const berlin = WorkingCalendar.official({ timeZone: 'Europe/Berlin', periods: [{ start: '09:00', end: '17:00' }] });
    // 2026-03-27 is a Friday; Berlin switches to summer time on Sunday 2026-03-29.
    expect(berlin.addWorkingDays('2026-03-27T16:00:00+01:00', 1).due).toBe('2026-03-30T16:00:00+02:00');
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects %p working days', (n) => {
    expect(() => official.addWorkingDays('2026-03-10T09:00:00+08:00', n)).toThrow(CalendarInputError);
  });

  it.each([['2026-02-30T09:00:00+08:00'], ['yesterday'], ['2026-03-10T25:00'], ['']])('rejects start %p', (start) => {
    expect(() => official.addWorkingDays(start, 1)).toThrow(CalendarInputError);
  });

  it('rejects an invalid Date', () => {
    expect(() => official.addWorkingDays(new Date(Number.NaN), 1)).toThrow(CalendarInputError);
  });
});

describe('explainDeadline', () => {
  it('R-CMP-4: names each holiday day, the make-up day and the notice', () => {
    const { explanation } = official.explainDeadline('2026-09-30T10:00:00+08:00', 3);
    expect(explanation.map((s) => [s.date, s.kind, s.counted])).toEqual([
      ['2026-09-30', 'workday', '10:00–17:30 (7h30m)'],
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday', '0h']),
      ['2026-10-08', 'workday', '08:30–17:30 (9h)'],
      ['2026-10-09', 'workday', '08:30–17:30 (9h)'],
      ['2026-10-10', 'makeup-workday', '08:30–10:00 (1h30m)'],
    ]);
    expect(explanation[1].note).toContain('国庆节');
    expect(explanation[1].note).toContain('国办发明电〔2025〕7号');
    expect(explanation[10].note).toContain('调休');
    expect(explanation[10].note).toContain('国办发明电〔2025〕7号');
  });

  it('equals addWorkingDays', () => {
    expect(official.explainDeadline('2025-01-24T16:00:00+08:00', 3)).toEqual(
      official.addWorkingDays('2025-01-24T16:00:00+08:00', 3),
    );
  });
});

describe('days without official data', () => {
  it('R-CMP-4: a 2027 date is answered Mon–Fri but flagged provisional', () => {
    expect(official.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', kind: 'workday', working: true, provisional: true });
    expect(official.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend', working: false, provisional: true });
  });

  it('R-CMP-3: a deadline reaching into 2027 is provisional and the explanation says why', () => {
    const result = official.addWorkingDays('2026-12-31T10:00:00+08:00', 1);
    expect(result.due).toBe('2027-01-01T10:00:00+08:00');
    expect(result.provisional).toBe(true);
    expect(result.explanation[1].note).toMatch(/provisional: no official notice for 2027/);
  });

  it('R-CMP-3: a deadline inside 2026 is not provisional', () => {
    expect(official.addWorkingDays('2026-12-29T10:00:00+08:00', 1).provisional).toBe(false);
  });

  it('R-CMP-3: working time touching 2027 is provisional', () => {
    expect(official.workingTimeBetween('2026-12-31T08:30:00+08:00', '2027-01-04T08:30:00+08:00')).toEqual({
      ms: 2 * 9 * 3_600_000,
      provisional: true,
    });
  });
});

describe('isWorkingDay / nextWorkingDay / days', () => {
  it.each([
    ['2026-10-09', '2026-10-10'],
    ['2026-09-30', '2026-10-08'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
    ['2025-12-31', '2026-01-04'],
    ['2024-06-07', '2024-06-11'],
  ])('R-CMP-4: the working day after %s is %s', (date, next) => {
    expect(official.nextWorkingDay(date)).toBe(next);
  });

  it('R-CMP-4: isWorkingDay follows holidays and make-up days', () => {
    expect(official.isWorkingDay('2026-10-08')).toBe(true);
    expect(official.isWorkingDay('2026-10-07')).toBe(false);
    expect(official.isWorkingDay('2026-10-10')).toBe(true);
    expect(official.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('lists each day of a range and rejects reversed or bad ranges', () => {
    expect(official.days('2026-10-09', '2026-10-11').map((d) => d.kind)).toEqual(['workday', 'makeup-workday', 'weekend']);
    expect(() => official.days('2026-10-11', '2026-10-09')).toThrow(CalendarInputError);
    expect(() => official.days('2026-13-01', '2026-10-09')).toThrow(CalendarInputError);
    expect(() => official.dayInfo('2026-1-1')).toThrow(CalendarInputError);
  });
});

describe('workingTimeBetween', () => {
  it('R-CMP-3: counts business time only, negative when reversed', () => {
    const a = '2026-09-30T10:00:00+08:00';
    const b = '2026-10-10T10:00:00+08:00';
    expect(official.workingTimeBetween(a, b)).toEqual({ ms: 27 * 3_600_000, provisional: false });
    expect(official.workingTimeBetween(b, a).ms).toBe(-27 * 3_600_000);
    expect(official.workingTimeBetween(a, a).ms).toBe(0);
  });
});
