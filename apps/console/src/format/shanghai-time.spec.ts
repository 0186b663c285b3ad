import { formatInstant, fromLocalInput, localInputNow, weekdayOf } from './shanghai-time';

describe('Beijing time, whatever the machine zone', () => {
  it('shows an instant in Asia/Shanghai', () => {
    expect(formatInstant('2026-10-10T02:00:00.000Z')).toBe('2026-10-10 10:00');
    expect(formatInstant('2026-09-30T16:30:00Z')).toBe('2026-10-01 00:30'); // already the next day in Beijing
  });

  it('reads a datetime-local value as Beijing time', () => {
    expect(fromLocalInput('2026-09-30T10:00')).toBe('2026-09-30T10:00:00+08:00');
    expect(new Date(fromLocalInput('2026-09-30T10:00')).toISOString()).toBe('2026-09-30T02:00:00.000Z');
    expect(localInputNow(new Date('2026-09-30T02:00:00Z'))).toBe('2026-09-30T10:00');
  });

  it('names the weekday of a calendar date in either language', () => {
    expect(weekdayOf('2026-10-10', 'zh-CN', 'long')).toBe('星期六');
    expect(weekdayOf('2026-10-10', 'en', 'long')).toBe('Saturday');
  });
});
