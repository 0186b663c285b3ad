import { Attachments, Role, type DomainEvent } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, LocalDate, text, Year } from './relationship.shapes';

/** Who sat at the table: customers' people and the company's own. */
export const ForumAttendee = z.strictObject({ name: text(100), organisation: text(200), customerId: EntityId.optional() });

/**
 * R-FORUM-1: 客户座谈会 minutes, filed (整理、归档保管). `year` is the year it was held in, which the
 * once-a-year check counts by.
 */
export const ForumMinutesFiled = z.object({
  forumId: EntityId, heldOn: LocalDate, year: Year, title: text(200), attendees: z.array(ForumAttendee).min(1).max(200),
  topics: z.array(text(200)).max(20), minutes: text(50000), by: EntityId, role: Role, at: Instant,
  /** absent on minutes filed before attachments were kept */
  attachments: Attachments.optional(),
});

export const forumEventSchemas = { ForumMinutesFiled };

type Schemas = typeof forumEventSchemas;
export type ForumEventType = keyof Schemas;
export type ForumEvent = { [K in ForumEventType]: DomainEvent<K, z.infer<Schemas[K]>> }[ForumEventType];
