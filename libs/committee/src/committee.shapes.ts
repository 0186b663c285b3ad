import { z } from 'zod';

export const EntityId = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, dot, dash or underscore; at most 64 characters');
export const Instant = z.iso.datetime({ offset: true });
export const Vote = z.enum(['approve', 'reject', 'abstain']);
export type Vote = z.infer<typeof Vote>;

/**
 * How the committee decides (篇5 “审批产品价格调整方案及价格策略”; the text names no voting rule, so
 * the administrators configure it): a majority of all members, a majority of the votes cast once
 * the quorum has voted (abstentions count for the quorum, not for either side), or unanimity.
 */
export const DecisionRule = z.enum(['majority_of_members', 'majority_of_votes_cast', 'unanimous']);
export type DecisionRule = z.infer<typeof DecisionRule>;

/** The committee as constituted: who sits on it, who chairs it, how it decides and how far its authority reaches. */
export const CommitteeCharter = z
  .object({
    version: z.string().trim().min(1).max(50),
    members: z.array(EntityId).min(2).max(25),
    chairId: EntityId,
    quorum: z.number().int().min(1),
    decisionRule: DecisionRule,
    /** 超过权限上报集团公司审批: a price change larger than this share goes up to the group */
    authorityBoundPercent: z.number().min(0).max(100),
  })
  .refine((c) => new Set(c.members).size === c.members.length, { message: 'members repeat', path: ['members'] })
  .refine((c) => c.members.includes(c.chairId), { message: 'the chair is a member', path: ['chairId'] })
  .refine((c) => c.quorum <= c.members.length, { message: 'the quorum cannot exceed the members', path: ['quorum'] });
export type CommitteeCharter = z.infer<typeof CommitteeCharter>;

/**
 * R-PRICE-1 审议公司客户管理方案和机制: the customer-management policies kept as data, which take
 * effect only once the committee approves them. Today the complaint SLA policy is the one
 * published as data; the others (grading bands, thresholds) are still code.
 */
export const PolicyKind = z.enum(['complaint-sla']);
export type PolicyKind = z.infer<typeof PolicyKind>;

export const CommitteeRule = {
  price: 'R-PRICE-1',
  violation: 'R-PRICE-2',
} as const;
