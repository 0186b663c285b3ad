import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';

type Guard = (context: CustomerContext, event: CustomerEvent) => boolean;

/** R-ARC-1 (ADR 0024): one identity change at a time, decided once, by someone other than its requester. */
export const identityGuards = {
  identityChangeCanBeRequested: (c, e) =>
    e.type === 'IdentityChangeRequested' && c.pendingIdentityChange === null && (!!e.data.changes.name || !!e.data.changes.identifiers),
  approvesPendingIdentityChange: (c, e) =>
    e.type === 'CustomerIdentityChanged' && c.pendingIdentityChange?.requestId === e.data.requestId && c.pendingIdentityChange.requestedBy !== e.data.approvedBy,
  rejectsPendingIdentityChange: (c, e) => e.type === 'IdentityChangeRejected' && c.pendingIdentityChange?.requestId === e.data.requestId,
  /** R-ARC-4: an added document has an id of its own */
  documentIsNew: (c, e) => e.type === 'QualificationDocumentAdded' && !c.documents[e.data.documentId] && e.data.validFrom <= e.data.validUntil,
} satisfies Record<string, Guard>;
