import { FileReference } from '@crm/workflow-kit';
import { z } from 'zod';
import { Id, Identifiers, NotifyTarget, QualificationDocument } from './customer.shapes';

const Instant = z.iso.datetime({ offset: true });

/** R-ARC-1: a company renamed (更名) or re-registered (统一社会信用代码变更): before and after, on the same archive. */
export const IdentityChanges = z.object({
  name: z.object({ before: z.string(), after: z.string().min(1).max(200) }).optional(),
  identifiers: z.object({ before: Identifiers, after: Identifiers }).optional(),
});
export type IdentityChanges = z.infer<typeof IdentityChanges>;

/** The request waits for the sales department; `file` is the evidence (the new business licence, the registry's notice). */
export const IdentityChangeRequested = z.object({
  requestId: Id, changes: IdentityChanges, reason: z.string().min(1).max(2000), file: FileReference.optional(),
  requestedBy: Id, requestedAt: Instant, notify: z.array(z.literal('sales')),
});
export type IdentityChangeRequested = z.infer<typeof IdentityChangeRequested>;

/**
 * The identity change took effect. `identityKey` is the company key duplicates are detected by
 * (ONB-DUPLICATE, ADR 0020): when it moves, the new key was reserved for this customer first and
 * the old one is released after (ADR 0024).
 */
export const CustomerIdentityChanged = z.object({
  requestId: Id, changes: IdentityChanges, identityKey: z.object({ before: z.string().nullable(), after: z.string().nullable() }),
  reason: z.string().min(1).max(2000), file: FileReference.optional(), requestedBy: Id, approvedBy: Id, approvedAt: Instant,
  comment: z.string().max(2000).nullable(), notify: z.array(NotifyTarget),
});
export type CustomerIdentityChanged = z.infer<typeof CustomerIdentityChanged>;

export const IdentityChangeRejected = z.object({
  requestId: Id, comment: z.string().min(1).max(2000), requestedBy: Id, rejectedBy: Id, rejectedAt: Instant, notifyUsers: z.array(Id),
});
export type IdentityChangeRejected = z.infer<typeof IdentityChangeRejected>;

/** R-ARC-1/R-ARC-4: a document added to the archive after it opened (a new licence, a permit the company obtained). */
export const QualificationDocumentAdded = QualificationDocument.extend({
  warnAt: Instant, addedBy: Id, addedAt: Instant, reason: z.string().min(1).max(2000), notify: z.array(NotifyTarget),
});
export type QualificationDocumentAdded = z.infer<typeof QualificationDocumentAdded>;
