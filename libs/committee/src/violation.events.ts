import { z } from 'zod';
import { EntityId, Instant } from './committee.shapes';

export const ViolationKind = z.enum(['price', 'customer_policy']);
/** What the committee may decide against a violation (违规、违纪行为); a proposed disqualification still goes through R-EVAL-3. */
export const Sanction = z.object({
  kind: z.enum(['warning', 'fine', 'suspend_supply', 'propose_disqualification', 'other']),
  detail: z.string().min(1).max(2000),
});
export type Sanction = z.infer<typeof Sanction>;

export const ViolationCaseOpened = z.object({
  caseId: EntityId, kind: ViolationKind, customerId: EntityId.nullable(), description: z.string().max(8000), evidence: z.array(z.string().max(500)).max(50),
  chairId: EntityId, by: EntityId, at: Instant, notifyUsers: z.array(EntityId),
});
export const ViolationCaseDecided = z.object({
  caseId: EntityId, finding: z.enum(['upheld', 'dismissed']), decision: z.string().max(8000), sanction: Sanction.nullable(),
  customerId: EntityId.nullable(), by: EntityId, at: Instant, notifyUsers: z.array(EntityId),
});

export const violationEventSchemas = { ViolationCaseOpened, ViolationCaseDecided } as const;
type Schemas = typeof violationEventSchemas;
export type ViolationEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
