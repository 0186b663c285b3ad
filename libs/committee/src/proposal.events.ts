import { z } from 'zod';
import { CommitteeCharter, EntityId, Instant, PolicyKind, Vote } from './committee.shapes';

const Text = z.string().max(4000);
const Tally = z.object({ approve: z.number().int(), reject: z.number().int(), abstain: z.number().int(), outstanding: z.number().int() });

export const PriceChange = z.object({
  productLineId: EntityId, warehouseId: EntityId, priceFen: z.number().int().positive(), effectiveFrom: Instant,
  /** the price in force at `effectiveFrom` when the proposal was made; null for a first price */
  previousPriceFen: z.number().int().positive().nullable(),
  changePercent: z.number().nullable(),
});
export type PriceChange = z.infer<typeof PriceChange>;

/** A customer-management policy version as proposed: published word for word once approved. */
export const PolicyChange = z.object({
  kind: PolicyKind, version: z.string().min(1).max(50), content: z.record(z.string(), z.unknown()),
  /** the version in force when it was proposed */
  previousVersion: z.string().max(50).nullable(),
});
export type PolicyChange = z.infer<typeof PolicyChange>;

/** R-PRICE-1 审议公司客户管理方案和机制: a policy version before the committee. */
export const PolicyProposalSubmitted = z.object({
  proposalId: EntityId, policy: PolicyChange, reason: Text, charter: CommitteeCharter, by: EntityId, at: Instant, notifyUsers: z.array(EntityId),
});

export const PriceProposalSubmitted = z.object({
  proposalId: EntityId, change: PriceChange, reason: Text, charter: CommitteeCharter, by: EntityId, at: Instant, notifyUsers: z.array(EntityId),
});
export const CommitteeVoteCast = z.object({ member: EntityId, vote: Vote, opinion: Text.nullable(), at: Instant });
export const CommitteeVoteClosed = z.object({ by: EntityId, reason: Text, tally: Tally, at: Instant });
export const ProposalApproved = z.object({ decidedBy: z.enum(['committee', 'group']), tally: Tally.nullable(), reference: z.string().max(200).nullable(), at: Instant });
export const ProposalRejected = z.object({ decidedBy: z.enum(['committee', 'group']), tally: Tally.nullable(), reference: z.string().max(200).nullable(), at: Instant, notifyUsers: z.array(EntityId) });
/** The committee approved a change beyond its authority: it goes up to the group (超过权限上报集团公司审批). */
export const ProposalEscalatedToGroup = z.object({ changePercent: z.number(), authorityBoundPercent: z.number(), tally: Tally, at: Instant, notifyUsers: z.array(EntityId) });
export const ProposalWithdrawn = z.object({ by: EntityId, reason: Text, at: Instant });

export const proposalEventSchemas = {
  PriceProposalSubmitted, PolicyProposalSubmitted, CommitteeVoteCast, CommitteeVoteClosed, ProposalApproved, ProposalRejected, ProposalEscalatedToGroup, ProposalWithdrawn,
} as const;
type Schemas = typeof proposalEventSchemas;
export type ProposalEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
export type ProposalEventOf<K extends ProposalEvent['type']> = Extract<ProposalEvent, { type: K }>;
