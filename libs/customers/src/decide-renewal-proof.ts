import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext, RenewalProofState } from './customer.context';
import type { CustomerEvent } from './customer.events';
import type { CustomerServices } from './customer.services';
import { DEFAULT_RENEWAL_GRACE_MAX_DAYS } from './customer.services';
import { ARCHIVE_RECIPIENTS } from './customer.shapes';
import { allExpiredInGrace, graceEnd } from './renewal-grace';
import { addDays, shanghaiDate } from './shanghai-time';

/**
 * R-EVAL-1 "客户资质到期后未能按期换证且不能提供相关证明,HB公司将暂停与该客户业务往来" (ADR 0023):
 * suspension is for a customer who neither renewed in time NOR can show proof. Proof of a renewal
 * under way, approved by the sales department, postpones suspension to a bounded date.
 */
export function fileRenewalProof(command: CustomerCommandOf<'FileRenewalProof'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const { data, meta } = command;
  const doc = context.documents[data.documentId];
  if (!doc) throw new DomainRuleViolation('R-EVAL-1', `no qualification document ${data.documentId} on file`, 'data.documentId');
  if (context.renewalProofs[data.documentId]?.status === 'pending') throw new DomainRuleViolation('R-EVAL-1', `a proof for ${data.documentId} already waits for the sales department`, 'data.documentId');
  const maxGraceDays = services.renewalGraceMaxDays ?? DEFAULT_RENEWAL_GRACE_MAX_DAYS;
  const latest = addDays(doc.validUntil, maxGraceDays);
  const today = shanghaiDate(meta.now);
  if (data.expectedBy > latest) throw new DomainRuleViolation('R-EVAL-1', `suspension can be postponed at most ${maxGraceDays} days past ${doc.validUntil} (to ${latest})`, 'data.expectedBy');
  if (data.expectedBy < today) throw new DomainRuleViolation('R-EVAL-1', `the renewal is expected by ${data.expectedBy}, already past`, 'data.expectedBy');
  if (data.expectedBy <= doc.validUntil) throw new DomainRuleViolation('R-EVAL-1', `${data.documentId} is valid until ${doc.validUntil}: nothing to postpone`, 'data.expectedBy');
  const filed = { ...data, maxGraceDays, filedBy: meta.actor.id, filedAt: meta.now };
  return [{ type: 'RenewalProofFiled', data: filed }];
}

function pendingProof(context: CustomerContext, documentId: string): RenewalProofState {
  const proof = context.renewalProofs[documentId];
  if (!proof || proof.status !== 'pending') throw new DomainRuleViolation('R-EVAL-1', `no proof of renewal for ${documentId} waits for approval`, 'data.documentId');
  return proof;
}

/** The filer does not approve their own proof; approving for an already suspended customer lifts the suspension until the grace ends. */
export function approveRenewalProof(command: CustomerCommandOf<'ApproveRenewalProof'>, context: CustomerContext, state: string): CustomerEvent[] {
  const { data, meta } = command;
  const proof = pendingProof(context, data.documentId);
  if (proof.filedBy === meta.actor.id) throw new DomainRuleViolation('R-EVAL-1', 'the proof must be approved by someone other than who filed it', 'data.documentId');
  const graceUntil = proof.expectedBy;
  if (meta.now >= graceEnd(graceUntil)) throw new DomainRuleViolation('R-EVAL-1', `the renewal was expected by ${graceUntil}: too late to postpone; renew the document`, 'data.documentId');
  const approved: CustomerEvent = {
    type: 'RenewalProofApproved',
    data: {
      documentId: data.documentId, proofId: proof.proofId, graceUntil, comment: data.comment || null, approvedBy: meta.actor.id, approvedAt: meta.now,
      customerManagerId: context.customerManagerId ?? 'unassigned', notify: ['customer_manager'],
    },
  };
  const afterApproval = { ...context.renewalProofs, [data.documentId]: { ...proof, status: 'approved' as const, graceUntil } };
  const lifts = state === 'open.suspended' && allExpiredInGrace({ ...context, renewalProofs: afterApproval }, meta.now);
  return lifts ? [approved, { type: 'CustomerReinstated', data: { reason: 'R-EVAL-1', reinstatedAt: meta.now, notify: ARCHIVE_RECIPIENTS } }] : [approved];
}

export function rejectRenewalProof(command: CustomerCommandOf<'RejectRenewalProof'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  const proof = pendingProof(context, data.documentId);
  const rejected = {
    documentId: data.documentId, proofId: proof.proofId, comment: data.comment, rejectedBy: meta.actor.id, rejectedAt: meta.now,
    customerManagerId: context.customerManagerId ?? 'unassigned', notify: ['customer_manager' as const],
  };
  return [{ type: 'RenewalProofRejected', data: rejected }];
}

/** Timer at the end of the grace: a document still expired now suspends business (a renewal since, or a stale firing, does nothing). */
export function endRenewalGrace(command: CustomerCommandOf<'EndRenewalGrace'>, context: CustomerContext, state: string): CustomerEvent[] {
  const { data, meta } = command;
  const doc = context.documents[data.documentId];
  const proof = context.renewalProofs[data.documentId];
  if (!doc?.expired || proof?.graceUntil !== data.graceUntil || state !== 'open.active') return [];
  if (meta.now < graceEnd(data.graceUntil)) throw new DomainRuleViolation('R-EVAL-1', `suspension is postponed until the end of ${data.graceUntil}`);
  if (allExpiredInGrace(context, meta.now)) return [];
  const expired = Object.values(context.documents).filter((d) => d.expired).map((d) => d.documentId);
  return [{ type: 'CustomerSuspended', data: { reason: 'R-EVAL-1', documentIds: expired, suspendedAt: meta.now, notify: ARCHIVE_RECIPIENTS } }];
}
