import { DomainRuleViolation } from '@crm/workflow-kit';
import type { ComplaintCommandOf } from './complaint.commands';
import type { ActiveSla, ComplaintContext } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';
import type { ComplaintClass } from './complaint.shapes';
import { assertScheduler } from './complaint.permissions';
import { breachUnrecorded, ComplaintRule, isAtOrBefore, SLA_BREACH_RECIPIENTS, SLA_WARNING_RECIPIENTS } from './complaint.rules';

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
  return [breachOf(sla, context.complaintClass, command.meta.now)];
}

/**
 * R-CMP-3: a person's command on a complaint whose deadline passed before its timer fired records
 * the breach first, in the same append, as the timer would have; the timer then finds it on record.
 */
export function withBreachCaughtUp(events: ComplaintEvent[], context: ComplaintContext, clockRunning: boolean, now: string): ComplaintEvent[] {
  const { sla, complaintClass } = context;
  if (!clockRunning || !sla || !complaintClass || !breachUnrecorded(context, now) || events.length === 0) return events;
  return [breachOf(sla, complaintClass, now), ...events];
}

function breachOf(sla: ActiveSla, complaintClass: ComplaintClass, now: string): ComplaintEvent {
  return {
    type: 'ComplaintSlaBreached',
    data: { dueAt: sla.deadline.due, class: complaintClass, workingDays: sla.workingDays, escalatedTo: 'supervisor', at: now, notify: [...SLA_BREACH_RECIPIENTS] },
  };
}

function assertDue(instant: string, now: string): void {
  if (!isAtOrBefore(instant, now)) throw new DomainRuleViolation(ComplaintRule.timer, `fired at ${now}, before it falls due at ${instant}`);
}
