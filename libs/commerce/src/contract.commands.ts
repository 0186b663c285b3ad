import { type Command, FileReference, freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, IsoDate } from './commerce.shapes';

export const DraftContract = z
  .object({
    contractId: EntityId, customerId: EntityId, productLineId: EntityId, contractNo: freeText(100), validFrom: IsoDate, validUntil: IsoDate, terms: freeText(8000),
  })
  .refine((c) => c.validFrom <= c.validUntil, { message: 'R-ARC-5: a contract ends after it starts', path: ['validUntil'] });
export type DraftContract = z.infer<typeof DraftContract>;
export const ApproveContract = z.object({ comment: optionalText(2000).nullable().default(null) });
/** 保管合同文本 (R-ARC-5): the signed contract's scan, uploaded first (POST /files), is kept with the signature. */
export const SignContract = z.object({ signedOn: IsoDate, signedByCustomer: freeText(100), file: FileReference.optional() });
export const TerminateContract = z.object({ reason: freeText(2000) });
/** Timer commands carry the date they were scheduled for, so a stale firing is a no-op. */
export const WarnContractExpiry = z.object({ validUntil: IsoDate });
export const ExpireContract = z.object({ validUntil: IsoDate });

export const contractCommandSchemas = { DraftContract, ApproveContract, SignContract, TerminateContract, WarnContractExpiry, ExpireContract } as const;
type Schemas = typeof contractCommandSchemas;
export type ContractCommand = { [K in keyof Schemas]: Command<K, z.infer<Schemas[K]>> }[keyof Schemas];
export type ContractCommandOf<K extends ContractCommand['type']> = Extract<ContractCommand, { type: K }>;
