import type { ComplaintPolicy } from './complaint-policy';
import type { ActiveSla } from './complaint.context';
import type { SlaCalendar } from './complaint.services';

/**
 * R-CMP-3/R-CMP-4: due `workingDays` working days after receipt, warning at `warningShare` of that
 * working time, both on the calendar. Computed once, when the deadline is set, and stored in the
 * event: replaying an old stream never depends on today's calendar data.
 */
export function computeSla(calendar: SlaCalendar, policy: ComplaintPolicy, receivedAt: string, workingDays: number): ActiveSla {
  const { due, calendarVersion, provisional, explanation } = calendar.addWorkingDays(receivedAt, workingDays);
  const warnAt = calendar.addWorkingDays(receivedAt, workingDays * policy.warningShare).due;
  return { workingDays, deadline: { due, calendarVersion, provisional, explanation: explanation.map((s) => ({ ...s })) }, warnAt };
}

/** Business time left until the deadline in force (negative once overdue), for SLA boards. */
export function workingTimeLeft(calendar: SlaCalendar, sla: ActiveSla, now: string): { ms: number; provisional: boolean } {
  return calendar.workingTimeBetween(now, sla.deadline.due);
}
