import {
  ApproveExtension, ApproveResolution, ClassifyComplaint, CloseComplaint, ComplaintClass, ComplaintPolicy, DraftResolution, EntityId,
  NotifyCustomer, ReclassifyComplaint, RecordComplaint, RecordSpecialMeetingDecision, RejectExtension, RequestExtension, SendBackResolution,
} from '@crm/complaints';
import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';
import { SheetQuery } from '../spreadsheets/sheet-format';
import { COMPLAINT_POLICY_STREAM } from './complaint-policy.service';

/**
 * A complaint's stream is `complaint-<id>`, and the published policies live on `complaint-policies`:
 * the id `policies` would be the policy stream, so it is never a complaint's.
 */
export const ComplaintId = EntityId.refine((id) => `complaint-${id}` !== COMPLAINT_POLICY_STREAM, {
  message: `reserved: "${COMPLAINT_POLICY_STREAM.slice('complaint-'.length)}" names the complaint policy stream`,
});

/** Request bodies: the domain's command schemas, strict so that unknown fields are refused. */
export const RecordComplaintBody = z.strictObject({ ...RecordComplaint.shape, complaintId: ComplaintId.optional() });
export type RecordComplaintBody = z.infer<typeof RecordComplaintBody>;

const strict = <T extends z.ZodObject>(schema: T) => z.strictObject(schema.shape);
export const ClassifyBody = strict(ClassifyComplaint);
export const ReclassifyBody = strict(ReclassifyComplaint);
export const DraftResolutionBody = strict(DraftResolution);
export const ApproveResolutionBody = strict(ApproveResolution);
export const SendBackBody = strict(SendBackResolution);
export const NotifyCustomerBody = strict(NotifyCustomer);
export const CloseBody = strict(CloseComplaint);
export const RequestExtensionBody = strict(RequestExtension);
export const ApproveExtensionBody = strict(ApproveExtension);
export const RejectExtensionBody = strict(RejectExtension);
export const SpecialMeetingBody = strict(RecordSpecialMeetingDecision);
/** PUT /complaint-policies/current: the whole policy, with a version never used before. */
export const PolicyBody = ComplaintPolicy;

export const ComplaintIdParam = ComplaintId;

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ComplaintStatus = z.enum(['received', 'open', 'notified', 'closed']);

export const ComplaintsQuery = z.strictObject({
  status: ComplaintStatus.optional(),
  class: ComplaintClass.optional(),
  customer: EntityId.optional(),
  department: freeText(100).optional(),
  breached: Flag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  minPosition: MinPosition,
});
export type ComplaintsQuery = z.infer<typeof ComplaintsQuery>;

export const AlertsQuery = z.strictObject({
  /** paging / resuming by global position: alerts after this one */
  afterPosition: z.coerce.number().int().min(0).optional(),
  kind: z.enum(['warning', 'breach']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  minPosition: MinPosition,
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const StreamQuery = z.strictObject({
  access_token: z.string().optional(),
  /** the same as the Last-Event-ID header, for clients that cannot set it */
  lastEventId: z.coerce.number().int().min(0).optional(),
});
export type StreamQuery = z.infer<typeof StreamQuery>;

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const StatsQuery = z
  .strictObject({ from: Month, to: Month, minPosition: MinPosition, ...SheetQuery })
  .refine((q) => q.from <= q.to, { message: 'to must not be before from', path: ['to'] });
export type StatsQuery = z.infer<typeof StatsQuery>;

export const BoardQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100), minPosition: MinPosition });
export type BoardQuery = z.infer<typeof BoardQuery>;
