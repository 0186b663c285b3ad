import type { DomainEvent } from '@crm/workflow-kit';
import { Attachments, Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { ComplaintPolicy } from './complaint-policy';
import { ComplaintChannel, ComplaintClass, ComputedDeadline, EntityId, ExtendableClass, Instant, text } from './complaint.shapes';

/** Who did it, in which role, when (`at` is the command's `meta.now`). Guards read these. */
const Acted = { by: EntityId, role: Role, at: Instant };
const WorkingDayCount = z.number().int().min(0).max(30);
/** A deadline as recorded: due + calendar version + explanation, and the warning instant. */
const Sla = { workingDays: WorkingDayCount, deadline: ComputedDeadline, warnAt: Instant };

/** 客户投诉记录 (R-CMP-1): time received, customer, content, who logged it; the policy copy it keeps. */
export const ComplaintRecorded = z.object({
  complaintId: EntityId, customerId: EntityId, receivedAt: Instant, channel: ComplaintChannel, content: text(4000),
  loggedBy: EntityId, policy: ComplaintPolicy, ...Acted,
});
export type ComplaintRecorded = z.infer<typeof ComplaintRecorded>;

/** R-CMP-3: the deadline counted from `receivedAt` on the working-day calendar (R-CMP-4). */
export const ComplaintClassified = z.object({ class: ComplaintClass, ...Sla, ...Acted });
export type ComplaintClassified = z.infer<typeof ComplaintClassified>;

/** R-CMP-2: a serious complaint goes to a special meeting chaired by the general manager. */
export const ComplaintEscalated = z.object({
  to: z.literal('special_meeting'), chairedByRole: z.literal('general_manager'), ...Acted,
  /** 报请总经理召开专题会议: the general manager is notified (absent on events from before issue 15) */
  notify: z.array(Role).max(5).optional(),
});
export type ComplaintEscalated = z.infer<typeof ComplaintEscalated>;

/** R-CMP-2: the meeting's decision (the resolution) and minutes, recorded by its chair. */
export const SpecialMeetingHeld = z.object({
  decision: text(4000), minutes: text(20000), attendees: z.array(EntityId).min(1).max(50),
  department: text(100), handler: EntityId, heldAt: Instant, ...Acted,
  /** with the complaint's customer, so the minutes' readers are the customer's (R-KAM-2); absent before attachments were kept */
  attachments: Attachments.optional(), customerId: EntityId.optional(),
});
export type SpecialMeetingHeld = z.infer<typeof SpecialMeetingHeld>;

/** Recomputed from the original receipt time; the reason is kept. */
export const ComplaintReclassified = z.object({
  from: ComplaintClass, to: ComplaintClass, reason: text(2000), previousDue: Instant, ...Sla, ...Acted,
});
export type ComplaintReclassified = z.infer<typeof ComplaintReclassified>;

const DraftNo = z.number().int().min(1).max(1000);

/** R-CMP-2: the responsible department drafts; `handler` is the person who signs (经办人). */
export const ResolutionDrafted = z.object({ draftNo: DraftNo, department: text(100), text: text(4000), handler: EntityId, ...Acted });
export type ResolutionDrafted = z.infer<typeof ResolutionDrafted>;

export const ResolutionApproved = z.object({ draftNo: DraftNo, comment: text(2000).nullable(), ...Acted });
export type ResolutionApproved = z.infer<typeof ResolutionApproved>;

export const ResolutionSentBack = z.object({ draftNo: DraftNo, reason: text(2000), ...Acted });
export type ResolutionSentBack = z.infer<typeof ResolutionSentBack>;

/** The customer is told the result; this stops the SLA clock. */
export const CustomerNotified = z.object({
  channel: ComplaintChannel, message: text(4000), withinDeadline: z.boolean(), ...Acted,
});
export type CustomerNotified = z.infer<typeof CustomerNotified>;

/** R-CMP-1: closes with the record complete (resolution, handler, notes) and its breach on record. */
export const ComplaintClosed = z.object({
  resolution: text(4000), handler: EntityId, department: text(100), notes: text(4000), breached: z.boolean(), ...Acted,
});
export type ComplaintClosed = z.infer<typeof ComplaintClosed>;

/**
 * R-CMP-3: `workingDays` is the total from receipt if granted, never above the policy cap.
 * `class` (schema 2, ADR 0026): the class the extension is asked for, major or serious only: no
 * event can ask to extend a general complaint. Requests stored before (schema 1) read back with
 * `class: null`: they were decided when every class could be extended and replay as they were.
 */
export const ExtensionRequested = z
  .object({
    requestId: EntityId, additionalWorkingDays: z.number().int().min(1).max(30), workingDays: WorkingDayCount, reason: text(2000),
    class: ExtendableClass.nullable(), ...Acted,
  })
  .refine((d) => d.class !== null, { message: 'R-CMP-3: only a major or serious complaint may be extended (ADR 0026)', path: ['class'] });
export type ExtensionRequested = z.infer<typeof ExtensionRequested>;

/** One leader of the chain (`level`, from 1) approved. */
export const ExtensionApproved = z.object({ requestId: EntityId, level: z.number().int().min(1).max(5), comment: text(2000).nullable(), ...Acted });
export type ExtensionApproved = z.infer<typeof ExtensionApproved>;

const Approval = z.object({ by: EntityId, role: Role, at: Instant });

/** The whole chain approved: the new deadline, still counted from receipt. */
export const ExtensionGranted = z.object({
  requestId: EntityId, additionalWorkingDays: z.number().int().min(1).max(30), previousDue: Instant,
  approvals: z.array(Approval).min(1).max(5), ...Sla, at: Instant,
});
export type ExtensionGranted = z.infer<typeof ExtensionGranted>;

export const ExtensionRejected = z.object({ requestId: EntityId, reason: text(2000), ...Acted });
export type ExtensionRejected = z.infer<typeof ExtensionRejected>;

/**
 * Who an SLA alert goes to: the notification outbox turns `notify` into one webhook delivery per
 * recipient (any context opts in this way), so supervisors hear of warnings and breaches at once.
 */
const Notify = z.array(Role).min(1).max(5);

/** The timer at `warningShare` of the working time fired (the scheduler acts; no person). */
export const ComplaintSlaWarned = z.object({
  dueAt: Instant, warnAt: Instant, warningShare: z.number(), class: ComplaintClass, at: Instant, notify: Notify,
});
export type ComplaintSlaWarned = z.infer<typeof ComplaintSlaWarned>;

/** The deadline passed unhandled: on record for good; the complaint stays open. */
export const ComplaintSlaBreached = z.object({
  dueAt: Instant, class: ComplaintClass, workingDays: WorkingDayCount, escalatedTo: z.literal('supervisor'), at: Instant, notify: Notify,
});
export type ComplaintSlaBreached = z.infer<typeof ComplaintSlaBreached>;

export const complaintEventSchemas = {
  ComplaintRecorded, ComplaintClassified, ComplaintEscalated, SpecialMeetingHeld, ComplaintReclassified,
  ResolutionDrafted, ResolutionApproved, ResolutionSentBack, CustomerNotified, ComplaintClosed,
  ExtensionRequested, ExtensionApproved, ExtensionGranted, ExtensionRejected, ComplaintSlaWarned, ComplaintSlaBreached,
};

/** ADR 0005: ExtensionRequested gained `class` in schema 2 (ADR 0026). */
export const complaintEventSchemaVersions = { ExtensionRequested: 2 } as const;

type Schemas = typeof complaintEventSchemas;
export type ComplaintEventType = keyof Schemas;
export type ComplaintEvent = { [K in ComplaintEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[ComplaintEventType];
export type ComplaintEventOf<K extends ComplaintEventType> = Extract<ComplaintEvent, { type: K }>;
