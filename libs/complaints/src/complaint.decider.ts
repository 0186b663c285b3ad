import { TransitionNotAllowed, type WorkflowState } from '@crm/workflow-kit';
import type { ComplaintCommand } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';
import type { ComplaintServices } from './complaint.services';
import { approveExtension, rejectExtension, requestExtension } from './decide-extension';
import {
  approveResolution, closeComplaint, draftResolution, notifyCustomer, recordSpecialMeetingDecision, sendBackResolution,
} from './decide-handling';
import { classifyComplaint, reclassifyComplaint, recordComplaint } from './decide-intake';
import { markSlaBreached, warnSla, withBreachCaughtUp } from './decide-sla';

/** The SLA clock runs from classification until the customer is told. */
export const isClockRunning = (state: WorkflowState<ComplaintContext>): boolean => state.state.startsWith('open');

/**
 * The complaint decider: one small function per command. The machine re-checks every event it
 * produces (guards), so the checks here exist to refuse early with a rule id and a clear message.
 */
export function decideComplaint(command: ComplaintCommand, state: WorkflowState<ComplaintContext>, services: ComplaintServices): ComplaintEvent[] {
  if (state.state === 'none' && command.type !== 'RecordComplaint') throw new TransitionNotAllowed('complaint', state.state, command.type);
  const events = decideCommand(command, state, services);
  if (command.type === 'WarnSla' || command.type === 'MarkSlaBreached') return events;
  return withBreachCaughtUp(events, state.context, isClockRunning(state), command.meta.now);
}

function decideCommand(command: ComplaintCommand, state: WorkflowState<ComplaintContext>, services: ComplaintServices): ComplaintEvent[] {
  const context = state.context;
  switch (command.type) {
    case 'RecordComplaint':
      return recordComplaint(command, services);
    case 'ClassifyComplaint':
      return classifyComplaint(command, context, services);
    case 'ReclassifyComplaint':
      return reclassifyComplaint(command, context, services);
    case 'RecordSpecialMeetingDecision':
      return recordSpecialMeetingDecision(command, context);
    case 'DraftResolution':
      return draftResolution(command, context);
    case 'ApproveResolution':
      return approveResolution(command, context);
    case 'SendBackResolution':
      return sendBackResolution(command, context);
    case 'NotifyCustomer':
      return notifyCustomer(command, context);
    case 'CloseComplaint':
      return closeComplaint(command, context);
    case 'RequestExtension':
      return requestExtension(command, context);
    case 'ApproveExtension':
      return approveExtension(command, context, services);
    case 'RejectExtension':
      return rejectExtension(command, context);
    case 'WarnSla':
      return warnSla(command, context, isClockRunning(state));
    case 'MarkSlaBreached':
      return markSlaBreached(command, context, isClockRunning(state));
    default: {
      const unknownCommand: never = command;
      return unknownCommand;
    }
  }
}
