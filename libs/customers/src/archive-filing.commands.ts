import { type Command, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { Id } from './customer.shapes';
import { FilingKind } from './archive-filing.events';

/** Issued by the filing reactor for each archive opening or change (never by a person). */
export const FileArchiveRecord = z.object({
  filingId: Id, customerId: Id, kind: FilingKind, sourceEventId: Id, sourceEventType: z.string().min(1).max(100),
  fields: z.array(z.string().min(1).max(100)).max(50), occurredAt: z.iso.datetime({ offset: true }),
});
export type FileArchiveRecord = z.infer<typeof FileArchiveRecord>;

export const AcknowledgeArchiveFiling = z.object({ filingId: Id, comment: optionalText(2000).optional() });
export type AcknowledgeArchiveFiling = z.infer<typeof AcknowledgeArchiveFiling>;

export const archiveFilingCommandSchemas = { FileArchiveRecord, AcknowledgeArchiveFiling } as const;
export type ArchiveFilingCommand = Command<'FileArchiveRecord', FileArchiveRecord> | Command<'AcknowledgeArchiveFiling', AcknowledgeArchiveFiling>;
