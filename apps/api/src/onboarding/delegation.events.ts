import { Delegation } from '@crm/onboarding';
import { z } from 'zod';

/**
 * A reviewer's delegation, event-sourced in its own stream `delegation-<delegationId>`: the
 * onboarding decider looks it up (as a `Delegation`) through the per-command services.
 */
export const DelegationGranted = z.object({
  delegation: Delegation,
  grantedBy: z.string().min(1).max(100),
  at: z.iso.datetime({ offset: true }),
});
export type DelegationGranted = z.infer<typeof DelegationGranted>;

/**
 * The delegator (or an administrator) withdraws it: from this event on it gives no right, in the
 * inbox or in a decision. Decisions already taken under it stay as recorded, with both names.
 */
export const DelegationRevoked = z.object({
  delegationId: z.string().min(1).max(64),
  revokedBy: z.string().min(1).max(100),
  reason: z.string().max(2000).nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type DelegationRevoked = z.infer<typeof DelegationRevoked>;

export const DELEGATION_STREAM_PREFIX = 'delegation-';
export const delegationStreamOf = (delegationId: string) => `${DELEGATION_STREAM_PREFIX}${delegationId}`;
