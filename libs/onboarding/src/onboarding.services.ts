import type { ProductLine } from './onboarding.shapes';
import type { Delegation, DelegationQuery } from './delegation';

/**
 * Cross-stream duplicate detection, answered by the app from a read model of open applications
 * and customers keyed by `identityKeyOf(identifiers)` (carried on ApplicationDrafted/Amended/
 * Approved as `identityKey`). `by` names the holder (an application or customer id); the
 * application's own id and its customer id are never counted as duplicates. R-TIER-1: a company
 * has one open application at a time, and is a customer once per product line, so a customer of
 * another line does not take `productLine`.
 */
export interface DuplicateCheck {
  isCreditCodeTaken(identityKey: string, productLine: ProductLine): { taken: boolean; by?: string; kind?: 'application' | 'customer' };
}

/** The delegations in force, answered by the app (e.g. from the users' streams). */
export interface DelegationLookup {
  findDelegation(query: DelegationQuery): Delegation | null;
}

/**
 * Everything the onboarding decider needs from outside, all pure from its point of view.
 * Reminders are fixed when a step opens (`reminderDueAt` on the opening event), so replaying
 * an old stream never depends on today's calendar data.
 */
export interface OnboardingServices {
  /** working days a review step may wait before its reviewer is reminded; 0 disables reminders */
  reminderAfterWorkingDays: number;
  /** ISO instant `days` working days after `startIso` on the official Chinese calendar */
  addWorkingDays(startIso: string, days: number): string;
  duplicates: DuplicateCheck;
  delegations: DelegationLookup;
}
