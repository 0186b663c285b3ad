import type { FileReference } from '@crm/workflow-kit';
import type { ContractEvent } from './contract.events';

export interface ContractContext {
  contractId: string | null;
  customerId: string | null;
  productLineId: string | null;
  contractNo: string | null;
  validFrom: string | null;
  validUntil: string | null;
  draftedBy: string | null;
  approvedBy: string | null;
  signedOn: string | null;
  /** the signed text kept as a file (保管合同文本), when the signature came with it */
  signedText: FileReference | null;
  warned: boolean;
}
export const INITIAL_CONTRACT_CONTEXT: ContractContext = {
  contractId: null, customerId: null, productLineId: null, contractNo: null, validFrom: null, validUntil: null, draftedBy: null, approvedBy: null, signedOn: null, signedText: null, warned: false,
};

export function evolveContract(context: ContractContext, event: ContractEvent): ContractContext {
  switch (event.type) {
    case 'ContractDrafted': {
      const { contractId, customerId, productLineId, contractNo, validFrom, validUntil, by } = event.data;
      return { ...context, contractId, customerId, productLineId, contractNo, validFrom, validUntil, draftedBy: by };
    }
    case 'ContractApproved':
      return { ...context, approvedBy: event.data.by };
    case 'ContractSigned':
      return { ...context, signedOn: event.data.signedOn, signedText: event.data.file ?? null };
    case 'ContractExpiryWarned':
      return { ...context, warned: true };
    default:
      return context;
  }
}

/** R-ARC-5: a signed contract covers the days from its start to its last day, inclusive. */
export const coversDate = (context: ContractContext, state: string, date: string): boolean =>
  state === 'inForce' && context.validFrom !== null && context.validUntil !== null && context.validFrom <= date && date <= context.validUntil;
