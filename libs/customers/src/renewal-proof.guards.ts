import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { addDays } from './shanghai-time';

type Guard = (context: CustomerContext, event: CustomerEvent) => boolean;

/** R-EVAL-1 (ADR 0023): proofs are for documents on file, bounded past their validity, decided once. */
export const renewalProofGuards = {
  proofCanBeFiled: (c, e) => {
    if (e.type !== 'RenewalProofFiled') return false;
    const doc = c.documents[e.data.documentId];
    return !!doc && c.renewalProofs[e.data.documentId]?.status !== 'pending' && e.data.expectedBy > doc.validUntil && e.data.expectedBy <= addDays(doc.validUntil, e.data.maxGraceDays);
  },
  approvesPendingProof: (c, e) => {
    if (e.type !== 'RenewalProofApproved') return false;
    const proof = c.renewalProofs[e.data.documentId];
    return proof?.status === 'pending' && proof.proofId === e.data.proofId && e.data.graceUntil === proof.expectedBy && e.data.graceUntil <= proof.latestGrace && proof.filedBy !== e.data.approvedBy;
  },
  rejectsPendingProof: (c, e) => e.type === 'RenewalProofRejected' && c.renewalProofs[e.data.documentId]?.status === 'pending' && c.renewalProofs[e.data.documentId].proofId === e.data.proofId,
} satisfies Record<string, Guard>;
