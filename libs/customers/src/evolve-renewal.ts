import type { CustomerContext } from './customer.context';
import type { CustomerEventOf } from './customer.events';
import { addDays } from './shanghai-time';

/** R-EVAL-1: proofs of renewal under way, and the periods business was suspended. */
export function proofFiled(context: CustomerContext, { data }: CustomerEventOf<'RenewalProofFiled'>): Partial<CustomerContext> {
  const validUntil = context.documents[data.documentId]?.validUntil ?? data.expectedBy;
  const proof = {
    proofId: data.proofId, status: 'pending' as const, expectedBy: data.expectedBy, latestGrace: addDays(validUntil, data.maxGraceDays), graceUntil: null,
    filedBy: data.filedBy, filedAt: data.filedAt,
  };
  return { renewalProofs: { ...context.renewalProofs, [data.documentId]: proof } };
}

export function proofApproved(context: CustomerContext, { data }: CustomerEventOf<'RenewalProofApproved'>): Partial<CustomerContext> {
  const proof = context.renewalProofs[data.documentId];
  return { renewalProofs: { ...context.renewalProofs, [data.documentId]: { ...proof, status: 'approved', graceUntil: data.graceUntil } } };
}

/** A rejected proof, or a renewal filed at last, leaves no proof behind. */
export function withoutProof(context: CustomerContext, documentId: string): Partial<CustomerContext> {
  if (!context.renewalProofs[documentId]) return {};
  const { [documentId]: _gone, ...rest } = context.renewalProofs;
  return { renewalProofs: rest };
}

export function suspended(context: CustomerContext, at: string): Partial<CustomerContext> {
  return { suspendedSince: at, suspensions: [...context.suspensions, { from: at, until: null }] };
}

export function reinstated(context: CustomerContext, at: string): Partial<CustomerContext> {
  const last = context.suspensions.at(-1);
  const suspensions = last && last.until === null ? [...context.suspensions.slice(0, -1), { ...last, until: at }] : context.suspensions;
  return { suspendedSince: null, suspensions };
}
