import { DomainRuleViolation } from '@crm/workflow-kit';
import type { ComplaintCommandOf } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';
import { assertScheduler } from './complaint.permissions';
import { ComplaintRule, isAtOrBefore, SLA_BREACH_RECIPIENTS, SLA_WARNING_RECIPIENTS } from './complaint.rules';

/**
 * Timer firings are facts about time, not requests: a firing for a deadline that has since moved
 * (extension, reclassification), or after the customer was told, does nothing.
 */
export function warnSla(command: ComplaintCommandOf<'WarnSla'>, context: ComplaintContext, clockRunning: boolean): ComplaintEvent[] {
  assertScheduler(command.meta.actor);
  const { dueAt, warnAt } = command.data;
  const sla = context.sla;
  if (!clockRunning || !sla || !context.complaintClass || sla.deadline.due !== dueAt || sla.warnAt !== warnAt || context.warnedFor === dueAt) return [];
  assertDue(warnAt, command.meta.now);
  const warningShare = context.policy?.warningShare ?? 0;
  return [{ type: 'ComplaintSlaWarned', data: { dueAt, warnAt, warningShare, class: context.complaintClass, at: command.meta.now, notify: [...SLA_WARNING_RECIPIENTS] } }];
}

/** The deadline passed with the customer not yet told: on record, escalated to the supervisor. */
export function markSlaBreached(command: ComplaintCommandOf<'MarkSlaBreached'>, context: ComplaintContext, clockRunning: boolean): ComplaintEvent[] {
  assertScheduler(command.meta.actor);
  const { dueAt } = command.data;
  const sla = context.sla;
  if (!clockRunning || !sla || !context.complaintClass || sla.deadline.due !== dueAt || context.breachedFor === dueAt) return [];
  assertDue(dueAt, command.meta.now);
  return [{
    type: 'ComplaintSlaBreached',
    data: { dueAt, class: context.complaintClass, workingDays: sla.workingDays, escalatedTo: 'supervisor', at: command.meta.now, notify: [...SLA_BREACH_RECIPIENTS] },
  }];
}

function assertDue(instant: string, now: string): void {
  if (!isAtOrBefore(instant, now)) throw new DomainRuleViolation(ComplaintRule.timer, `fired at ${now}, before it falls due at ${instant}`);
}
