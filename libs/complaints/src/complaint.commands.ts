import { Attachments, type Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { ComplaintChannel, ComplaintClass, EntityId, Instant, text } from './complaint.shapes';

/** R-CMP-1: `complaintId` is chosen by the caller (the stream is `complaint-<id>`); the actor logs it. */
export const RecordComplaint = z.object({
  complaintId: EntityId, customerId: EntityId, receivedAt: Instant, channel: ComplaintChannel, content: text(4000),
});
export type RecordComplaint = z.infer<typeof RecordComplaint>;

export const ClassifyComplaint = z.object({ class: ComplaintClass });
export type ClassifyComplaint = z.infer<typeof ClassifyComplaint>;

export const ReclassifyComplaint = z.object({ class: ComplaintClass, reason: text(2000) });
export type ReclassifyComplaint = z.infer<typeof ReclassifyComplaint>;

/** R-CMP-2: the general manager records the special meeting's decision and minutes. */
export const RecordSpecialMeetingDecision = z.object({
  decision: text(4000), minutes: text(20000), attendees: z.array(EntityId).min(1).max(50),
  department: text(100), handler: EntityId, heldAt: Instant,
  /** the signed minutes' scan (ADR 0018), uploaded first */
  attachments: Attachments.optional(),
});
export type RecordSpecialMeetingDecision = z.infer<typeof RecordSpecialMeetingDecision>;

export const DraftResolution = z.object({ department: text(100), text: text(4000), handler: EntityId });
export type DraftResolution = z.infer<typeof DraftResolution>;

export const ApproveResolution = z.object({ comment: text(2000).optional() });
export type ApproveResolution = z.infer<typeof ApproveResolution>;

export const SendBackResolution = z.object({ reason: text(2000) });
export type SendBackResolution = z.infer<typeof SendBackResolution>;

export const NotifyCustomer = z.object({ channel: ComplaintChannel, message: text(4000) });
export type NotifyCustomer = z.infer<typeof NotifyCustomer>;

/** R-CMP-1: notes (备注) complete the record; write 无 when there is nothing to add. */
export const CloseComplaint = z.object({ notes: text(4000) });
export type CloseComplaint = z.infer<typeof CloseComplaint>;

export const RequestExtension = z.object({ additionalWorkingDays: z.number().int().min(1).max(30), reason: text(2000) });
export type RequestExtension = z.infer<typeof RequestExtension>;

/** Names the request so an approval made on a stale screen cannot land on a newer request. */
export const ApproveExtension = z.object({ requestId: EntityId, comment: text(2000).optional() });
export type ApproveExtension = z.infer<typeof ApproveExtension>;

export const RejectExtension = z.object({ requestId: EntityId, reason: text(2000) });
export type RejectExtension = z.infer<typeof RejectExtension>;

/** Timer firings carry the instants they were scheduled for: a firing for a moved deadline is a no-op. */
export const WarnSla = z.object({ dueAt: Instant, warnAt: Instant });
export type WarnSla = z.infer<typeof WarnSla>;

export const MarkSlaBreached = z.object({ dueAt: Instant });
export type MarkSlaBreached = z.infer<typeof MarkSlaBreached>;

export const complaintCommandSchemas = {
  RecordComplaint, ClassifyComplaint, ReclassifyComplaint, RecordSpecialMeetingDecision, DraftResolution,
  ApproveResolution, SendBackResolution, NotifyCustomer, CloseComplaint, RequestExtension, ApproveExtension,
  RejectExtension, WarnSla, MarkSlaBreached,
};

type Schemas = typeof complaintCommandSchemas;
export type ComplaintCommandType = keyof Schemas;
export type ComplaintCommand = { [K in ComplaintCommandType]: Command<K, z.infer<Schemas[K]>> }[ComplaintCommandType];
export type ComplaintCommandOf<K extends ComplaintCommandType> = Extract<ComplaintCommand, { type: K }>;
