import { CalendarDataError, WorkingCalendar, applyCalendarEvents, publishCalendarYear, type CalendarYear } from '../src';

const official = WorkingCalendar.official();
const notice2027: CalendarYear = {
  year: 2027,
  source: '测试〔2026〕1号',
  holidays: [{ name: "New Year's Day", nameZh: '元旦', from: '2027-01-01', to: '2027-01-01' }],
  makeUpWorkdays: [],
};

describe('operator corrections recorded as events', () => {
  it('R-CMP-4: given the shipped calendar, when a 2027 notice is published, then CalendarYearPublished carries the new version', () => {
    const event = publishCalendarYear(official, notice2027);
    expect(event.type).toBe('CalendarYearPublished');
    expect(event.data.year).toEqual(notice2027);
    expect(event.data.calendarVersion).toBe(official.withYear(notice2027).version);
  });

  it('R-CMP-4: replaying the events rebuilds the calendar with the recorded version', () => {
    const first = publishCalendarYear(official, notice2027);
    const corrected = { ...notice2027, holidays: [{ ...notice2027.holidays[0], to: '2027-01-03' }] };
    const second = publishCalendarYear(applyCalendarEvents(official, [first]), corrected);
    const rebuilt = applyCalendarEvents(official, [first, second]);
    expect(rebuilt.version).toBe(second.data.calendarVersion);
    expect(rebuilt.dayInfo('2027-01-03')).toMatchObject({ kind: 'holiday', provisional: false });
  });

  it('rejects an invalid year without producing an event', () => {
    expect(() => publishCalendarYear(official, { ...notice2027, holidays: [] })).toThrow(CalendarDataError);
    expect(() => publishCalendarYear(official, 'not a year')).toThrow(CalendarDataError);
  });
});
