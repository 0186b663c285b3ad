import { DomainRuleViolation, NotPermitted } from '@crm/workflow-kit';
import type { ComplaintCommandOf } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';
import type { ComplaintEvent } from './complaint.events';
import { actingRole } from './complaint.permissions';
import { ComplaintRule, everBreached, isAtOrBefore, MEETING_CHAIR_ROLE } from './complaint.rules';
import { recorded } from './decide-intake';

/** R-CMP-2: the responsible department drafts a resolution; `handler` signs it (经办人). */
export function draftResolution(command: ComplaintCommandOf<'DraftResolution'>, context: ComplaintContext): ComplaintEvent[] {
  const { policy } = recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.handling, 'drafting a resolution');
  return [{ type: 'ResolutionDrafted', data: { draftNo: context.draftCount + 1, ...command.data, by: actor.id, role, at: now } }];
}

/** R-CMP-2: a leader approves the draft; CMP-SELF: not its drafter or named handler. */
export function approveResolution(command: ComplaintCommandOf<'ApproveResolution'>, context: ComplaintContext): ComplaintEvent[] {
  const { actor, now } = command.meta;
  const { role, draftNo } = leaderDecision(context, actor, 'approving a resolution');
  if (actor.id === context.draft?.by || actor.id === context.draft?.handler) {
    throw new NotPermitted(ComplaintRule.selfApproval, 'a leader cannot approve a resolution they drafted or are the handler of');
  }
  return [{ type: 'ResolutionApproved', data: { draftNo, comment: command.data.comment ?? null, by: actor.id, role, at: now } }];
}

export function sendBackResolution(command: ComplaintCommandOf<'SendBackResolution'>, context: ComplaintContext): ComplaintEvent[] {
  const { actor, now } = command.meta;
  const { role, draftNo } = leaderDecision(context, actor, 'sending a resolution back');
  return [{ type: 'ResolutionSentBack', data: { draftNo, reason: command.data.reason, by: actor.id, role, at: now } }];
}

function leaderDecision(context: ComplaintContext, actor: ComplaintCommandOf<'ApproveResolution'>['meta']['actor'], what: string) {
  const { policy } = recorded(context);
  const role = actingRole(actor, policy.resolutionApproverRoles, ComplaintRule.handling, what);
  if (!context.draft) throw new DomainRuleViolation(ComplaintRule.handling, 'there is no drafted resolution awaiting a leader');
  return { role, draftNo: context.draft.draftNo };
}

/** R-CMP-2: the general manager, as chair, records the special meeting's decision and minutes. */
export function recordSpecialMeetingDecision(command: ComplaintCommandOf<'RecordSpecialMeetingDecision'>, context: ComplaintContext): ComplaintEvent[] {
  recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, [MEETING_CHAIR_ROLE], ComplaintRule.handling, 'recording a special meeting (chaired by the general manager)');
  if (context.complaintClass !== 'serious') throw new DomainRuleViolation(ComplaintRule.handling, `only serious complaints go to a special meeting; this one is ${context.complaintClass ?? 'unclassified'}`);
  if (!isAtOrBefore(command.data.heldAt, now)) throw new DomainRuleViolation(ComplaintRule.handling, 'the meeting cannot be recorded before it is held', 'heldAt');
  const { attachments, ...meeting } = command.data;
  const kept = attachments?.length && context.customerId ? { attachments, customerId: context.customerId } : {};
  return [{ type: 'SpecialMeetingHeld', data: { ...meeting, ...kept, by: actor.id, role, at: now } }];
}

/** R-CMP-2: the customer is told the result; whether that was within the deadline is recorded. */
export function notifyCustomer(command: ComplaintCommandOf<'NotifyCustomer'>, context: ComplaintContext): ComplaintEvent[] {
  const { policy } = recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.handling, 'notifying the customer');
  if (!context.resolution) throw new DomainRuleViolation(ComplaintRule.handling, 'the customer is told only a decided resolution (leader approval or special meeting)');
  const withinDeadline = context.sla !== null && isAtOrBefore(now, context.sla.deadline.due);
  return [{ type: 'CustomerNotified', data: { ...command.data, withinDeadline, by: actor.id, role, at: now } }];
}

/** R-CMP-1: the record closes complete: resolution, handler, notes, and its breach if any. */
export function closeComplaint(command: ComplaintCommandOf<'CloseComplaint'>, context: ComplaintContext): ComplaintEvent[] {
  const { policy } = recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.record, 'closing a complaint');
  const resolution = context.resolution;
  if (!resolution || !context.notifiedAt) {
    throw new DomainRuleViolation(ComplaintRule.record, 'the record is incomplete: a decided resolution and the customer notification come before closing');
  }
  const { text, handler, department } = resolution;
  return [{ type: 'ComplaintClosed', data: { resolution: text, handler, department, notes: command.data.notes, breached: everBreached(context), by: actor.id, role, at: now } }];
}
