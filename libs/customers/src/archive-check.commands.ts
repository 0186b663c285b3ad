import { type Command, freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { Id } from './customer.shapes';
import { CheckPeriod } from './archive-check.events';

const Finding = z.object({ findingId: Id, customerId: Id.nullable().default(null), description: freeText(2000) });

/** R-ARC-3: `customerIds` empty means the check covered the archives as a whole. */
export const RecordArchiveCheck = z.object({
  checkId: Id, period: CheckPeriod, scope: freeText(2000), customerIds: z.array(Id).max(500).default([]), findings: z.array(Finding).max(100).default([]),
  /** the conclusion of a check that found nothing (it closes at once) */
  conclusion: freeText(2000).optional(),
});
export type RecordArchiveCheck = z.infer<typeof RecordArchiveCheck>;
export const RespondToArchiveCheck = z.object({ responses: z.array(z.object({ findingId: Id, response: freeText(2000) })).min(1).max(100) });
export type RespondToArchiveCheck = z.infer<typeof RespondToArchiveCheck>;
export const CloseArchiveCheck = z.object({ conclusion: freeText(2000) });
export type CloseArchiveCheck = z.infer<typeof CloseArchiveCheck>;

export const archiveCheckCommandSchemas = { RecordArchiveCheck, RespondToArchiveCheck, CloseArchiveCheck } as const;
export type ArchiveCheckCommand =
  | Command<'RecordArchiveCheck', RecordArchiveCheck>
  | Command<'RespondToArchiveCheck', RespondToArchiveCheck>
  | Command<'CloseArchiveCheck', CloseArchiveCheck>;
