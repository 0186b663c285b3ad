import { Attachments, Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { Department, EntityId, Instant, LocalDate, text, Year } from './relationship.shapes';

const Acted = { by: EntityId, role: Role, at: Instant };

/** Who sat at the table: customers' people and the company's own. */
export const ForumAttendee = z.strictObject({ name: text(100), organisation: text(200), customerId: EntityId.optional() });
/** Who is invited (邀请): the same shape as who came. */
export const ForumInvitee = ForumAttendee;
/** Whole yuan: a forum's budget is planned, not booked, so cents add nothing. */
export const BudgetYuan = z.number().int().min(0).max(100_000_000);

/**
 * R-FORUM-1 (编制客户座谈会筹备计划): the preparation plan — date, venue, invitees, agenda and
 * budget — submitted to the responsible leader. A returned plan is submitted again with the next
 * `planNo`.
 */
export const ForumPlanSubmitted = z.object({
  forumId: EntityId, planNo: z.number().int().min(1), title: text(200), plannedOn: LocalDate, year: Year, venue: text(200).nullable(),
  invitees: z.array(ForumInvitee).min(1).max(200), agenda: z.array(text(500)).min(1).max(30), budgetYuan: BudgetYuan,
  notify: z.array(z.string()).min(1).max(5), ...Acted,
});
/** The leader approves the plan: from now on the forum may be held and its minutes filed. */
export const ForumPlanApproved = z.object({ planNo: z.number().int().min(1), comment: text(2000).nullable(), ...Acted });
/** The leader sends the plan back to the sales department, with why. */
export const ForumPlanReturned = z.object({ planNo: z.number().int().min(1), reason: text(2000), ...Acted });

/** 及时改进和处理: what the forum asked for, and the department that follows it up (notified). */
export const ForumFollowUp = z.strictObject({ action: text(1000), department: Department, dueOn: LocalDate.optional() });

/**
 * R-FORUM-1: 客户座谈会 minutes, filed (整理、归档保管). `year` is the year it was held in, which the
 * once-a-year check counts by. `planNo` is the approved preparation plan it was held under; null on
 * minutes filed before preparation plans were kept (schema v1, upcast). Follow-ups notify their
 * departments through the outbox.
 */
export const ForumMinutesFiled = z.object({
  forumId: EntityId, heldOn: LocalDate, year: Year, title: text(200), attendees: z.array(ForumAttendee).min(1).max(200),
  topics: z.array(text(200)).max(20), minutes: text(50000),
  /** absent on minutes filed before attachments were kept */
  attachments: Attachments.optional(),
  planNo: z.number().int().min(1).nullable(), followUps: z.array(ForumFollowUp).max(50),
  notify: z.array(z.string()).max(50).optional(), ...Acted,
});

export const forumEventSchemas = { ForumPlanSubmitted, ForumPlanApproved, ForumPlanReturned, ForumMinutesFiled };
/** ADR 0025: v2 minutes name their plan and follow-ups; v1 minutes are upcast (forum.upcast.ts). */
export const forumEventSchemaVersions = { ForumMinutesFiled: 2 } as const;

type Schemas = typeof forumEventSchemas;
export type ForumEventType = keyof Schemas;
export type ForumEvent = { [K in ForumEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[ForumEventType];
