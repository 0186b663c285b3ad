import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { ARCHIVE_RECIPIENTS } from './customer.shapes';

/** R-EVAL-3: a proposal with its reason and evidence waits for the general manager. */
export function proposeDisqualification(command: CustomerCommandOf<'ProposeDisqualification'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  if (context.pendingDisqualification) {
    throw new DomainRuleViolation('R-EVAL-3', `a disqualification proposed by ${context.pendingDisqualification.proposedBy} awaits the general manager`);
  }
  return [{ type: 'DisqualificationProposed', data: { reason: data.reason, evidence: data.evidence, proposedBy: meta.actor.id, proposedAt: meta.now } }];
}

function pending(context: CustomerContext) {
  if (!context.pendingDisqualification) throw new DomainRuleViolation('R-EVAL-3', 'no disqualification has been proposed');
  return context.pendingDisqualification;
}

export function approveDisqualification(command: CustomerCommandOf<'ApproveDisqualification'>, context: CustomerContext): CustomerEvent[] {
  const { reason, evidence, proposedBy } = pending(context);
  const { data, meta } = command;
  const approval = { approvedBy: meta.actor.id, approvedAt: meta.now, comment: data.comment ?? null };
  return [{ type: 'CustomerDisqualified', data: { reason, evidence, proposedBy, ...approval, notify: ARCHIVE_RECIPIENTS } }];
}

export function rejectDisqualification(command: CustomerCommandOf<'RejectDisqualification'>, context: CustomerContext): CustomerEvent[] {
  pending(context);
  const { data, meta } = command;
  return [{ type: 'DisqualificationRejected', data: { comment: data.comment, rejectedBy: meta.actor.id, rejectedAt: meta.now } }];
}
