import { type Command, freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, Instant, PolicyKind, Vote } from './committee.shapes';

/** R-PRICE-1 审批产品价格调整方案: a new price for one product line at one designated warehouse, effective from an instant. */
export const SubmitPriceProposal = z.object({
  proposalId: EntityId,
  productLineId: EntityId,
  warehouseId: EntityId,
  /** yuan per tonne, to the fen */
  pricePerTonne: z.number().positive().max(100_000_000).multipleOf(0.01),
  effectiveFrom: Instant,
  reason: freeText(4000),
});
export type SubmitPriceProposal = z.infer<typeof SubmitPriceProposal>;

/** R-PRICE-1 审议公司客户管理方案和机制: a whole policy version, checked against its own schema by the services. */
export const SubmitPolicyProposal = z.object({
  proposalId: EntityId,
  kind: PolicyKind,
  content: z.record(z.string(), z.unknown()),
  reason: freeText(4000),
});
export type SubmitPolicyProposal = z.infer<typeof SubmitPolicyProposal>;

export const CastCommitteeVote = z.object({ vote: Vote, opinion: optionalText(4000).nullable().default(null) });
export type CastCommitteeVote = z.infer<typeof CastCommitteeVote>;
/** The chair ends the vote with the votes in (a member away for good must not hold a proposal forever). */
export const CloseCommitteeVote = z.object({ reason: freeText(2000) });
export type CloseCommitteeVote = z.infer<typeof CloseCommitteeVote>;
/** 超过权限上报集团公司审批: the group's answer, recorded by the chair with its document reference. */
export const RecordGroupDecision = z.object({ approved: z.boolean(), reference: freeText(200), opinion: optionalText(4000).nullable().default(null) });
export type RecordGroupDecision = z.infer<typeof RecordGroupDecision>;
export const WithdrawProposal = z.object({ reason: freeText(2000) });
export type WithdrawProposal = z.infer<typeof WithdrawProposal>;

export const proposalCommandSchemas = { SubmitPriceProposal, SubmitPolicyProposal, CastCommitteeVote, CloseCommitteeVote, RecordGroupDecision, WithdrawProposal } as const;
export type ProposalCommand =
  | Command<'SubmitPriceProposal', SubmitPriceProposal>
  | Command<'SubmitPolicyProposal', SubmitPolicyProposal>
  | Command<'CastCommitteeVote', CastCommitteeVote>
  | Command<'CloseCommitteeVote', CloseCommitteeVote>
  | Command<'RecordGroupDecision', RecordGroupDecision>
  | Command<'WithdrawProposal', WithdrawProposal>;
export type ProposalCommandOf<K extends ProposalCommand['type']> = Extract<ProposalCommand, { type: K }>;
