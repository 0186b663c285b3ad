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

export const DELEGATION_STREAM_PREFIX = 'delegation-';
export const delegationStreamOf = (delegationId: string) => `${DELEGATION_STREAM_PREFIX}${delegationId}`;
