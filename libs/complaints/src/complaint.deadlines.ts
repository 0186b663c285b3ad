import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import type { ComplaintContext } from './complaint.context';
import { isClockRunning } from './complaint.decider';

/**
 * Durable SLA timers (architecture.md: deadlines are outputs, firings inputs). Pure: the
 * instants were computed with the calendar when the deadline was set and stored in the events.
 * A moved deadline changes `dueAt`, so the engine cancels the old timer and schedules the new one.
 */
export function complaintDeadlines(state: WorkflowState<ComplaintContext>): DeadlineSpec[] {
  const { sla, warnedFor, breachedFor } = state.context;
  if (!isClockRunning(state) || !sla) return [];
  const dueAt = sla.deadline.due;
  const specs: DeadlineSpec[] = [];
  if (warnedFor !== dueAt && breachedFor !== dueAt) {
    specs.push({ key: 'sla-warning', dueAt: sla.warnAt, command: { type: 'WarnSla', data: { dueAt, warnAt: sla.warnAt } } });
  }
  if (breachedFor !== dueAt) specs.push({ key: 'sla-breach', dueAt, command: { type: 'MarkSlaBreached', data: { dueAt } } });
  return specs;
}
