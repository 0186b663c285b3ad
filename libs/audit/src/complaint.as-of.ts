import type { ComplaintContext, SlaCalendar } from '@crm/complaints';
import { stateName } from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';

export interface ComplaintAsOf {
  complaintId: string | null;
  streamId: string;
  state: string;
  class: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  warnAt: string | null;
  calendarVersion: string | null;
  /** the SLA clock stops when the customer is told */
  clock: 'not_started' | 'running' | 'stopped';
  /** business (working) time left at the instant; negative once overdue; null without a deadline */
  workingTimeLeftMs: number | null;
  /** past the deadline at the instant (while running) or told after it (once stopped) */
  breached: boolean;
  /** breaches the stream had recorded by the instant (ComplaintSlaBreached) */
  breachesOnRecord: number;
  pendingExtension: { requestId: string; additionalWorkingDays: number; approvals: number } | null;
}

/** One complaint's SLA as it stood at `at`, from its machine snapshot replayed up to `at`. */
export function complaintAsOf(streamId: string, snapshot: AnyMachineSnapshot, at: string, calendar?: SlaCalendar): ComplaintAsOf {
  const c = snapshot.context as ComplaintContext;
  const due = c.sla?.deadline.due ?? null;
  const clock = !due ? 'not_started' : c.notifiedAt ? 'stopped' : 'running';
  const stoppedAt = c.notifiedAt ?? at;
  const left = due ? timeBetween(stoppedAt, due, calendar) : null;
  return {
    complaintId: c.complaintId,
    streamId,
    state: stateName(snapshot.value),
    class: c.complaintClass,
    receivedAt: c.receivedAt,
    dueAt: due,
    warnAt: c.sla?.warnAt ?? null,
    calendarVersion: c.sla?.deadline.calendarVersion ?? null,
    clock,
    workingTimeLeftMs: left,
    breached: due !== null && Date.parse(stoppedAt) > Date.parse(due),
    breachesOnRecord: c.breaches.length,
    pendingExtension: c.pendingExtension
      ? { requestId: c.pendingExtension.requestId, additionalWorkingDays: c.pendingExtension.additionalWorkingDays, approvals: c.pendingExtension.approvals.length }
      : null,
  };
}

/** Working time on the calendar when one is given; wall-clock time otherwise. */
function timeBetween(a: string, b: string, calendar?: SlaCalendar): number {
  return calendar ? calendar.workingTimeBetween(a, b).ms : Date.parse(b) - Date.parse(a);
}
