import { FileReference } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, IsoDate } from './commerce.shapes';

const Text = z.string().max(8000);

/** 篇4 第四条(三) 组织与客户签订销售合同,并保管合同文本 (R-ARC-5): a sales contract for one customer and product line. */
export const ContractDrafted = z.object({
  contractId: EntityId, customerId: EntityId, productLineId: EntityId, contractNo: z.string().min(1).max(100),
  validFrom: IsoDate, validUntil: IsoDate, terms: Text, by: EntityId, at: Instant, notify: z.array(z.string()),
});
export const ContractApproved = z.object({ comment: Text.nullable(), by: EntityId, at: Instant });
/** `customerId` (from the draft) links the kept text to the customer's records, so its readers are the customer's (R-KAM-2); absent on signatures recorded before files. */
export const ContractSigned = z.object({
  signedOn: IsoDate, signedByCustomer: z.string().min(1).max(100), file: FileReference.optional(), customerId: EntityId.optional(), by: EntityId, at: Instant,
});
export const ContractExpiryWarned = z.object({ validUntil: IsoDate, at: Instant, notify: z.array(z.string()) });
export const ContractExpired = z.object({ validUntil: IsoDate, at: Instant, notify: z.array(z.string()) });
export const ContractTerminated = z.object({ reason: Text, by: EntityId, at: Instant });

export const contractEventSchemas = { ContractDrafted, ContractApproved, ContractSigned, ContractExpiryWarned, ContractExpired, ContractTerminated } as const;
type Schemas = typeof contractEventSchemas;
export type ContractEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
