import type { DomainEvent } from '@crm/workflow-kit';
import { CalendarDataError } from './calendar.errors';
import { calendarYearSchema, type CalendarYear } from './calendar-year.schema';
import type { WorkingCalendar } from './working-calendar';

/**
 * An operator added or corrected one year's notice. `calendarVersion` is the version in
 * force after it, so a replay can prove it rebuilt the same calendar. The shape matches what
 * apps/api's CalendarService appends to the 'calendar-cn' stream.
 */
export type CalendarYearPublished = DomainEvent<
  'CalendarYearPublished',
  { year: CalendarYear; calendarVersion: string }
>;

/** Decides an operator's request: validates the year against the calendar in force. */
export function publishCalendarYear(current: WorkingCalendar, calendarYear: unknown): CalendarYearPublished {
  const parsed = calendarYearSchema.safeParse(calendarYear);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new CalendarDataError(`invalid calendar year: ${issues[0]}`, issues);
  }
  const next = current.withYear(parsed.data);
  return { type: 'CalendarYearPublished', data: { year: parsed.data, calendarVersion: next.version } };
}

/** Folds recorded corrections over the shipped calendar, oldest first. */
export function applyCalendarEvents(base: WorkingCalendar, events: readonly CalendarYearPublished[]): WorkingCalendar {
  return events.reduce((calendar, e) => calendar.withYear(e.data.year), base);
}
