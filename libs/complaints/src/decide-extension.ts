import { DomainRuleViolation, NotPermitted } from '@crm/workflow-kit';
import type { ComplaintCommandOf } from './complaint.commands';
import type { ComplaintContext, PendingExtension } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';
import { actingRole } from './complaint.permissions';
import { isExtendable } from './complaint-policy';
import { ComplaintRule, nextChainLevel, nextRequestId } from './complaint.rules';
import type { ComplaintServices } from './complaint.services';
import { computeSla } from './complaint.sla';
import { recorded } from './decide-intake';

/** R-CMP-3: the total from receipt, extension included, never above the policy's cap. */
function assertWithinCap(context: ComplaintContext, additional: number): number {
  const { policy } = recorded(context);
  const current = context.sla?.workingDays ?? 0;
  const total = current + additional;
  if (total > policy.maxWorkingDays) {
    throw new DomainRuleViolation(
      ComplaintRule.deadline,
      `at most ${policy.maxWorkingDays} working days from receipt: ${current} already allowed, +${additional} would make ${total}`,
      'additionalWorkingDays',
    );
  }
  return total;
}

/** R-CMP-3 "特殊情况": the handler asks for more time; leaders up the chain decide. */
export function requestExtension(command: ComplaintCommandOf<'RequestExtension'>, context: ComplaintContext): ComplaintEvent[] {
  const { policy } = recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.deadline, 'requesting an extension');
  if (context.pendingExtension) throw new DomainRuleViolation(ComplaintRule.deadline, `extension ${context.pendingExtension.requestId} is still awaiting its leaders`);
  const complaintClass = extendableClass(context);
  const { additionalWorkingDays, reason } = command.data;
  const workingDays = assertWithinCap(context, additionalWorkingDays);
  return [{ type: 'ExtensionRequested', data: { requestId: nextRequestId(context), additionalWorkingDays, workingDays, reason, class: complaintClass, by: actor.id, role, at: now } }];
}

/**
 * R-CMP-3 (ADR 0026): "特殊情况经各级主管领导批准" qualifies the major complaint's three days; a general
 * complaint is handled within one working day and is never extended.
 */
function extendableClass(context: ComplaintContext) {
  const complaintClass = context.complaintClass;
  if (!isExtendable(complaintClass)) {
    throw new DomainRuleViolation(
      ComplaintRule.deadline,
      `a ${complaintClass ?? 'unclassified'} complaint cannot be extended: only a major or serious complaint may be, with the leaders' approval (特殊情况经各级主管领导批准 belongs to 较大事件投诉); a general complaint is handled within one working day — reclassify it first if it is a major event`,
      'additionalWorkingDays',
    );
  }
  return complaintClass;
}

function pendingRequest(context: ComplaintContext, requestId: string): PendingExtension {
  const pending = context.pendingExtension;
  if (!pending) throw new DomainRuleViolation(ComplaintRule.deadline, 'no extension request is awaiting a decision', 'requestId');
  if (pending.requestId !== requestId) throw new DomainRuleViolation(ComplaintRule.deadline, `the pending request is ${pending.requestId}, not ${requestId}`, 'requestId');
  return pending;
}

/** R-CMP-3 "经各级主管领导批准": each leader of the chain in turn; the last approval grants it. */
export function approveExtension(command: ComplaintCommandOf<'ApproveExtension'>, context: ComplaintContext, services: ComplaintServices): ComplaintEvent[] {
  const { policy, receivedAt } = recorded(context);
  const { actor, now } = command.meta;
  const pending = pendingRequest(context, command.data.requestId);
  const level = nextChainLevel(context) ?? policy.extensionApproverRoles.length;
  const role = actingRole(actor, [policy.extensionApproverRoles[level - 1]], ComplaintRule.deadline, `approval ${level} of the extension chain`);
  if ([pending.requestedBy, ...pending.approvals.map((a) => a.by)].includes(actor.id)) {
    throw new NotPermitted(ComplaintRule.selfApproval, 'the requester and earlier approvers of this extension cannot approve it again');
  }
  const approved: ComplaintEvent = { type: 'ExtensionApproved', data: { requestId: pending.requestId, level, comment: command.data.comment ?? null, by: actor.id, role, at: now } };
  if (level < policy.extensionApproverRoles.length) return [approved];
  const workingDays = assertWithinCap(context, pending.additionalWorkingDays);
  const sla = computeSla(services.calendar, policy, receivedAt, workingDays);
  const approvals = [...pending.approvals, { by: actor.id, role, at: now }];
  const previousDue = context.sla?.deadline.due ?? sla.deadline.due;
  return [approved, { type: 'ExtensionGranted', data: { requestId: pending.requestId, additionalWorkingDays: pending.additionalWorkingDays, previousDue, approvals, ...sla, at: now } }];
}

export function rejectExtension(command: ComplaintCommandOf<'RejectExtension'>, context: ComplaintContext): ComplaintEvent[] {
  const { policy } = recorded(context);
  const { actor, now } = command.meta;
  const pending = pendingRequest(context, command.data.requestId);
  const role = actingRole(actor, policy.extensionApproverRoles, ComplaintRule.deadline, 'rejecting an extension');
  if (actor.id === pending.requestedBy) throw new NotPermitted(ComplaintRule.selfApproval, 'the requester cannot decide their own extension');
  return [{ type: 'ExtensionRejected', data: { requestId: pending.requestId, reason: command.data.reason, by: actor.id, role, at: now } }];
}
