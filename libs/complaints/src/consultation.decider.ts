import { DomainRuleViolation, TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import { ComplaintPolicy } from './complaint-policy';
import { actingRole, assertScheduler } from './complaint.permissions';
import { isAtOrBefore, MAX_BACKDATING_DAYS, receivedWithinWindow } from './complaint.rules';
import type { ComplaintServices } from './complaint.services';
import type { ConsultationCommand, ConsultationCommandOf } from './consultation.commands';
import type { ConsultationContext } from './consultation.context';
import type { ConsultationEvent } from './consultation.events';
import { CONSULTATION_BREACH_RECIPIENTS, consultationBreachUnrecorded, ConsultationRule } from './consultation.rules';

type State = WorkflowState<ConsultationContext>;

/** The clock runs from the record until the customer is answered. */
export const isConsultationOpen = (state: State): boolean => state.state === 'recorded';

/**
 * The consultation decider: one small function per command. The machine re-checks every event
 * (guards); the checks here refuse early with a rule id, a field and a clear message.
 */
export function decideConsultation(command: ConsultationCommand, state: State, services: ComplaintServices): ConsultationEvent[] {
  if (state.state === 'none' && command.type !== 'RecordConsultation') throw new TransitionNotAllowed('consultation', state.state, command.type);
  switch (command.type) {
    case 'RecordConsultation':
      return recordConsultation(command, services);
    case 'AnswerConsultation':
      return withBreachCaughtUp(answerConsultation(command, state), state, command.meta.now);
    case 'MarkConsultationSlaBreached':
      return markBreached(command, state);
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}

/** R-CMP-5 记录客户咨询, with the policy in force; R-CNS-1: due on the general complaint's clock from receipt. */
function recordConsultation(command: ConsultationCommandOf<'RecordConsultation'>, services: ComplaintServices): ConsultationEvent[] {
  const policy = ComplaintPolicy.parse(services.policy);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ConsultationRule.record, 'recording a customer enquiry');
  const { receivedAt } = command.data;
  if (!isAtOrBefore(receivedAt, now)) throw new DomainRuleViolation(ConsultationRule.record, `receivedAt ${receivedAt} is after the time it is logged (${now})`, 'receivedAt');
  if (!receivedWithinWindow(receivedAt, now)) {
    throw new DomainRuleViolation(ConsultationRule.record, `receivedAt ${receivedAt} is more than ${MAX_BACKDATING_DAYS} days before it is logged (${now}); log enquiries as they come in`, 'receivedAt');
  }
  const workingDays = policy.deadlines.general;
  const { due, calendarVersion, provisional, explanation } = services.calendar.addWorkingDays(receivedAt, workingDays);
  const deadline = { due, calendarVersion, provisional, explanation: explanation.map((s) => ({ ...s })) };
  return [{ type: 'ConsultationRecorded', data: { ...command.data, loggedBy: actor.id, policy, workingDays, deadline, by: actor.id, role, at: now } }];
}

function answerConsultation(command: ConsultationCommandOf<'AnswerConsultation'>, state: State): ConsultationEvent[] {
  const { policy, deadline } = state.context;
  if (!isConsultationOpen(state) || !policy || !deadline) throw new TransitionNotAllowed('consultation', state.state, command.type);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ConsultationRule.record, 'answering a customer enquiry');
  return [{ type: 'ConsultationAnswered', data: { ...command.data, withinDeadline: isAtOrBefore(now, deadline.due), by: actor.id, role, at: now } }];
}

/** The deadline passed unanswered: on record, escalated to the supervisor. A stale firing does nothing. */
function markBreached(command: ConsultationCommandOf<'MarkConsultationSlaBreached'>, state: State): ConsultationEvent[] {
  assertScheduler(command.meta.actor);
  const { deadline, breachedFor } = state.context;
  const { dueAt } = command.data;
  if (!isConsultationOpen(state) || !deadline || deadline.due !== dueAt || breachedFor === dueAt) return [];
  if (!isAtOrBefore(dueAt, command.meta.now)) throw new DomainRuleViolation(ConsultationRule.timer, `fired at ${command.meta.now}, before it falls due at ${dueAt}`);
  return [breachOf(state.context, command.meta.now)];
}

/** R-CNS-1: an answer after a deadline whose timer has not fired yet records the breach first, in the same append. */
function withBreachCaughtUp(events: ConsultationEvent[], state: State, now: string): ConsultationEvent[] {
  if (!isConsultationOpen(state) || !consultationBreachUnrecorded(state.context, now)) return events;
  return [breachOf(state.context, now), ...events];
}

function breachOf(context: ConsultationContext, now: string): ConsultationEvent {
  return {
    type: 'ConsultationSlaBreached',
    data: { dueAt: context.deadline?.due ?? now, workingDays: context.workingDays ?? 0, escalatedTo: 'supervisor', at: now, notify: [...CONSULTATION_BREACH_RECIPIENTS] },
  };
}
