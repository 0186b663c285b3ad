import { Attachments, type Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, LocalDate, text } from './relationship.shapes';
import { BudgetYuan, ForumAttendee, ForumFollowUp, ForumInvitee } from './forum.events';

/** R-FORUM-1: the preparation plan as the sales department writes it (编制客户座谈会筹备计划). */
const PlanFields = {
  title: text(200), plannedOn: LocalDate, venue: text(200).optional(),
  invitees: z.array(ForumInvitee).min(1).max(200), agenda: z.array(text(500)).min(1).max(30), budgetYuan: BudgetYuan,
};
export const SubmitForumPlan = z.object({ forumId: EntityId, ...PlanFields });
export const ReviseForumPlan = z.object(PlanFields);
export const ApproveForumPlan = z.object({ comment: text(2000).optional() });
export const ReturnForumPlan = z.object({ reason: text(2000) });

/** The minutes of a forum held under its approved plan; the title defaults to the plan's. */
export const FileForumMinutes = z.object({
  forumId: EntityId, heldOn: LocalDate, title: text(200).optional(), attendees: z.array(ForumAttendee).min(1).max(200),
  topics: z.array(text(200)).max(20).default([]), minutes: text(50000),
  followUps: z.array(ForumFollowUp).max(50).default([]),
  /** the signed minutes' scan, the attendance sheet (ADR 0018) */
  attachments: Attachments.default([]),
});

export const forumCommandSchemas = { SubmitForumPlan, ReviseForumPlan, ApproveForumPlan, ReturnForumPlan, FileForumMinutes };

type Schemas = typeof forumCommandSchemas;
export type ForumCommandType = keyof Schemas;
export type ForumCommand = { [K in ForumCommandType]: Command<K, z.infer<Schemas[K]>> }[ForumCommandType];
