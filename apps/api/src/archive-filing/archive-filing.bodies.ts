import { AcknowledgeArchiveFiling, CheckPeriod, CloseArchiveCheck, RecordArchiveCheck, RespondToArchiveCheck } from '@crm/customers';
import { z } from 'zod';
import { PathId } from '../customers/customers.bodies';
import { MinPosition } from '../read-models/read-your-writes';

export { PathId };
const Limit = z.coerce.number().int().min(1).max(500).default(100);

export const AcknowledgeBody = z.strictObject({ comment: AcknowledgeArchiveFiling.shape.comment });
export type AcknowledgeBody = z.infer<typeof AcknowledgeBody>;
export const FilingListQuery = z.strictObject({ customerId: PathId.optional(), status: z.enum(['pending', 'acknowledged']).optional(), limit: Limit, minPosition: MinPosition });
export type FilingListQuery = z.infer<typeof FilingListQuery>;

export const CheckBody = z.strictObject({ ...RecordArchiveCheck.shape, checkId: PathId.optional() });
export type CheckBody = z.infer<typeof CheckBody>;
export const RespondBody = RespondToArchiveCheck.strict();
export const CloseBody = CloseArchiveCheck.strict();
export const CheckListQuery = z.strictObject({
  period: CheckPeriod.optional(), status: z.enum(['awaiting_response', 'responded', 'closed']).optional(), limit: Limit, minPosition: MinPosition,
});
export type CheckListQuery = z.infer<typeof CheckListQuery>;
