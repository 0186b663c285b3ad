import { Attachments, type Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, LocalDate, text } from './relationship.shapes';
import { ForumAttendee } from './forum.events';

export const FileForumMinutes = z.object({
  forumId: EntityId, heldOn: LocalDate, title: text(200), attendees: z.array(ForumAttendee).min(1).max(200),
  topics: z.array(text(200)).max(20).default([]), minutes: text(50000),
  /** the signed minutes' scan, the attendance sheet (ADR 0018) */
  attachments: Attachments.default([]),
});

export const forumCommandSchemas = { FileForumMinutes };

type Schemas = typeof forumCommandSchemas;
export type ForumCommandType = keyof Schemas;
export type ForumCommand = { [K in ForumCommandType]: Command<K, z.infer<Schemas[K]>> }[ForumCommandType];
