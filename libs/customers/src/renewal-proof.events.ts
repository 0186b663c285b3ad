import { FileReference } from '@crm/workflow-kit';
import { z } from 'zod';
import { Id, IsoDate, NotifyTarget } from './customer.shapes';

const Instant = z.iso.datetime({ offset: true });

/**
 * R-EVAL-1 "未能按期换证且不能提供相关证明": the customer manager files proof that a renewal is under
 * way. `maxGraceDays` is the bound in force when it was filed, so the approval is judged by it.
 */
export const RenewalProofFiled = z.object({
  documentId: Id, proofId: Id, description: z.string().min(1).max(2000), file: FileReference.optional(), expectedBy: IsoDate,
  maxGraceDays: z.number().int().min(0).max(366), filedBy: Id, filedAt: Instant,
});
export type RenewalProofFiled = z.infer<typeof RenewalProofFiled>;

/** The sales department accepts the proof: suspension waits until the end of `graceUntil` (Asia/Shanghai). */
export const RenewalProofApproved = z.object({
  documentId: Id, proofId: Id, graceUntil: IsoDate, comment: z.string().max(2000).nullable(), approvedBy: Id, approvedAt: Instant,
  customerManagerId: Id, notify: z.array(NotifyTarget),
});
export type RenewalProofApproved = z.infer<typeof RenewalProofApproved>;

export const RenewalProofRejected = z.object({
  documentId: Id, proofId: Id, comment: z.string().min(1).max(2000), rejectedBy: Id, rejectedAt: Instant,
  customerManagerId: Id, notify: z.array(NotifyTarget),
});
export type RenewalProofRejected = z.infer<typeof RenewalProofRejected>;
