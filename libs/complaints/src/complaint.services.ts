import type { ComplaintPolicy } from './complaint-policy';
import type { ComputedDeadline } from './complaint.shapes';

/**
 * The narrow slice of the working-day calendar the complaint domain needs (the port; the app
 * passes `WorkingCalendar.official()` from @crm/calendar, which has exactly these shapes).
 */
export interface SlaCalendar {
  /** the instant `workingDays` (fractions allowed) working days of business time after `start` */
  addWorkingDays(start: Date | string, workingDays: number): ComputedDeadline;
  /** business time from `a` to `b`, negative when `b` is before `a` */
  workingTimeBetween(a: Date | string, b: Date | string): { ms: number; provisional: boolean };
}

/**
 * What the complaint decider needs from outside. `policy` is the policy in force now: only
 * RecordComplaint reads it; every later command reads the copy the complaint recorded.
 */
export interface ComplaintServices {
  calendar: SlaCalendar;
  policy: ComplaintPolicy;
}
