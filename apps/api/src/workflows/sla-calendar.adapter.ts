import type { WorkingCalendar } from '@crm/calendar';
import type { CalendarService } from '../calendar/calendar.service';

/**
 * Deciders are synchronous and pure; they get the calendar through this adapter, which reads the
 * calendar the service last loaded (the command handler refreshes it before each command).
 */
export function slaCalendarOf(calendars: CalendarService) {
  const current = (): WorkingCalendar => calendars.cached();
  return {
    addWorkingDays: (start: Date | string, workingDays: number) => current().addWorkingDays(start, workingDays),
    workingTimeBetween: (a: Date | string, b: Date | string) => current().workingTimeBetween(a, b),
    get version() {
      return current().version;
    },
  };
}
