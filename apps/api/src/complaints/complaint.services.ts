import type { ComplaintPolicy, ComplaintServices } from '@crm/complaints';
import type { CalendarService } from '../calendar/calendar.service';
import { slaCalendarOf } from '../workflows/sla-calendar.adapter';

/** Thrown when RecordComplaint is dispatched without the policy read first (a programming error). */
export class ComplaintPolicyNotPreloaded extends Error {
  constructor() {
    super('RecordComplaint needs the policy in force read first: send it through ComplaintCommandService');
  }
}

/**
 * The services the complaint workflow is registered with: the live SLA calendar. The policy in
 * force is read per command (it is versioned data in the store, and deciders are synchronous), so
 * the registered services refuse to guess one; every later command reads the complaint's own copy.
 */
export function complaintServices(calendars: CalendarService): ComplaintServices {
  return {
    calendar: slaCalendarOf(calendars),
    get policy(): ComplaintPolicy {
      throw new ComplaintPolicyNotPreloaded();
    },
  };
}

/** Per-command services for RecordComplaint: the calendar plus the policy version in force now. */
export function complaintServicesWith(calendars: CalendarService, policy: ComplaintPolicy): ComplaintServices {
  return { calendar: slaCalendarOf(calendars), policy };
}
