import { formatCounted, formatDuration, formatHours, parseCompactDuration } from './duration';

const H = 3_600_000;
const M = 60_000;

describe('durations in the reader’s language (issue 16: 9小时 / 1小时30分, not 9h)', () => {
  it('writes hours and minutes with Chinese units, nothing between them', () => {
    expect(formatDuration(9 * H, 'zh-CN')).toBe('9小时');
    expect(formatDuration(H + 30 * M, 'zh-CN')).toBe('1小时30分');
    expect(formatDuration(45 * M, 'zh-CN')).toBe('45分');
    expect(formatDuration(H + 5_000, 'zh-CN')).toBe('1小时5秒');
    expect(formatDuration(0, 'zh-CN')).toBe('0小时');
  });

  it('writes English units spaced: 9 h, 1 h 30 min', () => {
    expect(formatDuration(9 * H, 'en')).toBe('9 h');
    expect(formatDuration(H + 30 * M, 'en')).toBe('1 h 30 min');
    expect(formatDuration(20 * H + 15 * M + 7_000, 'en')).toBe('20 h 15 min 7 s');
    expect(formatDuration(0, 'en')).toBe('0 h');
  });

  it('shows the size, not the sign: "overdue" or "left" is the caller’s word', () => {
    expect(formatDuration(-(2 * H + 15 * M), 'zh-CN')).toBe('2小时15分');
  });

  it('reads @crm/calendar’s compact form and refuses anything else', () => {
    expect(parseCompactDuration('7h30m')).toBe(7 * H + 30 * M);
    expect(parseCompactDuration('1h0m5s')).toBe(H + 5_000);
    expect(parseCompactDuration('45m')).toBe(45 * M);
    expect(parseCompactDuration('')).toBeNull();
    expect(parseCompactDuration('nine hours')).toBeNull();
  });

  it('R-CMP-4: a stored explanation’s counted time reads in either language', () => {
    expect(formatCounted('08:30–17:30 (9h)', 'zh-CN')).toBe('08:30–17:30（9小时）');
    expect(formatCounted('11:00–12:00, 13:30–17:30 (5h)', 'zh-CN')).toBe('11:00–12:00、13:30–17:30（5小时）');
    expect(formatCounted('10:00–17:30 (7h30m)', 'en')).toBe('10:00–17:30 (7 h 30 min)');
    expect(formatCounted('0h', 'zh-CN')).toBe('0小时');
    expect(formatCounted('0h', 'en')).toBe('0 h');
    expect(formatCounted('something else', 'en')).toBe('something else');
  });

  it('turns the API’s decimal working hours into hours and minutes', () => {
    expect(formatHours(2.25, 'zh-CN')).toBe('2小时15分');
    expect(formatHours(9, 'en')).toBe('9 h');
  });
});
