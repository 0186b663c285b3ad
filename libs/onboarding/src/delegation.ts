import { Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, IsoDate } from './onboarding.shapes';

/**
 * A reviewer lets a colleague of the same role decide on their behalf for a date range
 * (inclusive, China dates). Delegations belong to people, not to applications, so they live
 * outside the onboarding stream; the app looks them up and the step decision records both names.
 */
/** A delegation covers an absence, not a standing transfer of a reviewer's power (issue 14). */
export const MAX_DELEGATION_DAYS = 90;
const DAY_MS = 86_400_000;
export const delegationDays = (from: string, until: string): number => Math.round((Date.parse(until) - Date.parse(from)) / DAY_MS) + 1;

export const Delegation = z
  .object({
    delegationId: EntityId,
    delegatorId: EntityId,
    delegateId: EntityId,
    role: Role,
    from: IsoDate,
    until: IsoDate,
  })
  .refine((d) => d.from <= d.until, { message: 'from must not be after until', path: ['until'] })
  .refine((d) => delegationDays(d.from, d.until) <= MAX_DELEGATION_DAYS, { message: `a delegation spans at most ${MAX_DELEGATION_DAYS} days`, path: ['until'] })
  .refine((d) => d.delegatorId !== d.delegateId, { message: 'a reviewer cannot delegate to themselves', path: ['delegateId'] });
export type Delegation = z.infer<typeof Delegation>;

export interface DelegationQuery {
  delegatorId: string;
  delegateId: string;
  role: Role;
  /** China calendar date of the decision (YYYY-MM-DD) */
  onDate: string;
}

/** Whether `delegation` lets `delegateId` act for `delegatorId` in `role` on `onDate`. */
export function delegationCovers(delegation: Delegation, query: DelegationQuery): boolean {
  return (
    delegation.delegatorId === query.delegatorId &&
    delegation.delegateId === query.delegateId &&
    delegation.role === query.role &&
    delegation.from <= query.onDate &&
    query.onDate <= delegation.until
  );
}
