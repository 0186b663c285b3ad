import { DomainRuleViolation } from '@crm/workflow-kit';
import type { ReleaseReason } from './identity-reservation.events';
import type { ReservationHolder } from './identity-reservation.services';
import { customerIdFor, OnboardingRule } from './onboarding.rules';

/**
 * How long a reservation is taken at its word. Reserving the key and drafting (or amending) the
 * application are two appends to two streams; in between, the holder's stream does not show the
 * key yet. A reservation older than this whose application never took the key is left over from
 * a request that died between the two appends, and may be taken over.
 */
export const IDENTITY_RESERVATION_GRACE_MS = 2 * 60_000;

/** Reservation streams are `company-identity-<identityKey>` (never `onboarding-…`: those are applications). */
export const IDENTITY_STREAM_PREFIX = 'company-identity';

export function reservationGraceOver(reservedAt: string, now: string): boolean {
  return Date.parse(now) - Date.parse(reservedAt) >= IDENTITY_RESERVATION_GRACE_MS;
}

const OPEN = (state: string) => state === 'draft' || state === 'returned' || state === 'finalising' || state.startsWith('review.');

/** What holds a company's key: a screen links to it (the application to finish or withdraw, the customer). */
export interface BlockedBy { kind: 'application' | 'customer'; id: string }

/** ONB-DUPLICATE, worded for the person filing: the field is the form's identifiers; `blockedBy` says what holds it. */
export function duplicateOf(identityKey: string, what: string, blockedBy?: BlockedBy): DomainRuleViolation {
  return new DomainRuleViolation(
    OnboardingRule.duplicate,
    `the company with organisation code ${identityKey} already has an open application or is a customer: ${what}`,
    'data.form.identifiers',
    blockedBy ? { blockedBy } : undefined,
  );
}

/**
 * Whether another application may take `identityKey` from `holder`, and why the holder lets go;
 * throws the duplicate refusal when it may not. Closed applications let go; an approved one is a
 * customer; an application not (yet) drafted, or one amended away from the key, keeps it through
 * the grace period — after that, a never-drafted holder must first be voided (its stream fenced,
 * so the late draft cannot land), and an amended-away holder simply does not hold the key.
 */
export function reclaimReason(holder: ReservationHolder, identityKey: string, reservedAt: string, now: string): ReleaseReason {
  const { applicationId, state } = holder;
  if (state === 'withdrawn' || state === 'rejected' || state === 'voided') return state;
  if (state === 'approved') throw duplicateOf(identityKey, `it is the customer ${customerIdFor(applicationId)}`, { kind: 'customer', id: customerIdFor(applicationId) });
  if (state === 'none') throw duplicateOf(identityKey, `application ${applicationId} reserved it at ${reservedAt} and is being drafted`, { kind: 'application', id: applicationId });
  if (OPEN(state) && holder.identityKey === identityKey) throw duplicateOf(identityKey, `application ${applicationId} is open (${state})`, { kind: 'application', id: applicationId });
  if (OPEN(state) && reservationGraceOver(reservedAt, now)) return 'rekeyed';
  throw duplicateOf(identityKey, `application ${applicationId} reserved it at ${reservedAt} (${state})`, { kind: 'application', id: applicationId });
}
