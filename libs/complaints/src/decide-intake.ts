import { DomainRuleViolation } from '@crm/workflow-kit';
import { ComplaintPolicy } from './complaint-policy';
import type { ComplaintCommandOf } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';
import type { ComplaintEvent, ComplaintEventOf } from './complaint.events';
import { actingRole } from './complaint.permissions';
import { allowedWorkingDays, ComplaintRule, isAtOrBefore, MAX_BACKDATING_DAYS, receivedWithinWindow } from './complaint.rules';
import type { ComplaintServices } from './complaint.services';
import { computeSla } from './complaint.sla';

/** R-CMP-1: 客户投诉记录, with a copy of the policy in force now, which the complaint keeps. */
export function recordComplaint(command: ComplaintCommandOf<'RecordComplaint'>, services: ComplaintServices): ComplaintEvent[] {
  const policy = ComplaintPolicy.parse(services.policy);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.record, 'recording a complaint');
  if (!isAtOrBefore(command.data.receivedAt, now)) {
    throw new DomainRuleViolation(ComplaintRule.record, `receivedAt ${command.data.receivedAt} is after the time it is logged (${now})`, 'receivedAt');
  }
  if (!receivedWithinWindow(command.data.receivedAt, now)) {
    throw new DomainRuleViolation(ComplaintRule.record, `receivedAt ${command.data.receivedAt} is more than ${MAX_BACKDATING_DAYS} days before it is logged (${now}); log complaints as they come in`, 'receivedAt');
  }
  return [{ type: 'ComplaintRecorded', data: { ...command.data, loggedBy: actor.id, policy, by: actor.id, role, at: now } }];
}

/** R-CMP-3: the class deadline from receipt; R-CMP-2: a serious complaint is escalated at once. */
export function classifyComplaint(command: ComplaintCommandOf<'ClassifyComplaint'>, context: ComplaintContext, services: ComplaintServices): ComplaintEvent[] {
  const { policy, receivedAt } = recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.handling, 'classifying a complaint');
  const complaintClass = command.data.class;
  const sla = computeSla(services.calendar, policy, receivedAt, allowedWorkingDays(policy, complaintClass, 0, 0));
  const classified: ComplaintEventOf<'ComplaintClassified'> = { type: 'ComplaintClassified', data: { class: complaintClass, ...sla, by: actor.id, role, at: now } };
  return complaintClass === 'serious' ? [classified, escalation(actor.id, role, now)] : [classified];
}

/** Recomputed from the ORIGINAL receipt time, granted extensions kept, the cap still applies. */
export function reclassifyComplaint(command: ComplaintCommandOf<'ReclassifyComplaint'>, context: ComplaintContext, services: ComplaintServices): ComplaintEvent[] {
  const { policy, receivedAt } = recorded(context);
  const { actor, now } = command.meta;
  const role = actingRole(actor, policy.handlerRoles, ComplaintRule.handling, 'reclassifying a complaint');
  const from = context.complaintClass;
  const to = command.data.class;
  if (!from || !context.sla) throw new DomainRuleViolation(ComplaintRule.deadline, 'the complaint is not classified yet; classify it first');
  if (from === to) throw new DomainRuleViolation(ComplaintRule.deadline, `the complaint is already classified ${to}`, 'class');
  if (context.resolution) throw new DomainRuleViolation(ComplaintRule.handling, 'a resolution has been decided; the class can no longer change');
  const sla = computeSla(services.calendar, policy, receivedAt, allowedWorkingDays(policy, to, context.extensionWorkingDays, context.legacyExtensionWorkingDays));
  const reclassified: ComplaintEvent = {
    type: 'ComplaintReclassified',
    data: { from, to, reason: command.data.reason, previousDue: context.sla.deadline.due, ...sla, by: actor.id, role, at: now },
  };
  return to === 'serious' ? [reclassified, escalation(actor.id, role, now)] : [reclassified];
}

/** R-CMP-2: 报请总经理召开专题会议 — the chair hears of it at once. */
export const ESCALATION_RECIPIENTS = ['general_manager'] as const;

function escalation(by: string, role: ComplaintEventOf<'ComplaintEscalated'>['data']['role'], at: string): ComplaintEvent {
  return { type: 'ComplaintEscalated', data: { to: 'special_meeting', chairedByRole: 'general_manager', by, role, at, notify: [...ESCALATION_RECIPIENTS] } };
}

/** The facts every later command needs; present once ComplaintRecorded was folded in. */
export function recorded(context: ComplaintContext): { policy: ComplaintPolicy; receivedAt: string } {
  if (!context.policy || !context.receivedAt) throw new DomainRuleViolation(ComplaintRule.record, 'the complaint has not been recorded');
  return { policy: context.policy, receivedAt: context.receivedAt };
}
