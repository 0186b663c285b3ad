import { CastCommitteeVote, CloseCommitteeVote, CommitteeCharter, DecideViolationCase, OpenViolationCase, RecordGroupDecision, SubmitPriceProposal, WithdrawProposal } from '@crm/committee';
import { DefineProductLine, DesignateWarehouse, WithdrawWarehouse } from '@crm/commerce';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';

const strict = <T extends z.ZodObject<any>>(schema: T) => schema.strict();
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore; at most 64 characters');

export const CharterBody = CommitteeCharter;
export const PriceProposalBody = z.strictObject({ ...SubmitPriceProposal.shape, proposalId: Id.optional() });
export type PriceProposalBody = z.infer<typeof PriceProposalBody>;
export const VoteBody = strict(CastCommitteeVote);
export const CloseVoteBody = strict(CloseCommitteeVote);
export const GroupDecisionBody = strict(RecordGroupDecision);
export const WithdrawBody = strict(WithdrawProposal);
export const ViolationBody = z.strictObject({ ...OpenViolationCase.shape, caseId: Id.optional() });
export type ViolationBody = z.infer<typeof ViolationBody>;
export const ViolationDecisionBody = DecideViolationCase;
export const ProductLineBody = strict(DefineProductLine.omit({ productLineId: true }));
export const WarehouseBody = strict(DesignateWarehouse.omit({ warehouseId: true }));
export const WithdrawWarehouseBody = strict(WithdrawWarehouse.omit({ warehouseId: true }));
export const ListQuery = z.strictObject({ status: z.string().max(30).optional(), limit: z.coerce.number().int().min(1).max(500).default(100), minPosition: MinPosition });
export type ListQuery = z.infer<typeof ListQuery>;
export const PriceQuery = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() });
