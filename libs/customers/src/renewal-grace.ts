import type { CustomerContext } from './customer.context';
import { addDays, startOfShanghaiDay } from './shanghai-time';

/** The end of a grace day in Shanghai: suspension may start then (R-EVAL-1). */
export const graceEnd = (graceUntil: string): string => startOfShanghaiDay(addDays(graceUntil, 1));

/** The approved grace that still covers a document at `now`, if any. */
export function graceOf(context: CustomerContext, documentId: string, now: string): string | null {
  const proof = context.renewalProofs[documentId];
  return proof?.status === 'approved' && proof.graceUntil && now < graceEnd(proof.graceUntil) ? proof.graceUntil : null;
}

/** R-EVAL-1: every expired document is covered by an approved proof whose grace has not ended. */
export function allExpiredInGrace(context: CustomerContext, now: string): boolean {
  return Object.values(context.documents).filter((d) => d.expired).every((d) => graceOf(context, d.documentId, now) !== null);
}

/** The machine's (timeless) reading: every expired document has an approved proof. */
export const allExpiredExcused = (context: CustomerContext): boolean =>
  Object.values(context.documents).filter((d) => d.expired).every((d) => context.renewalProofs[d.documentId]?.status === 'approved');
