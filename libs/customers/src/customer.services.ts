import { DEFAULT_GRADE_INDICATORS } from './grading-policy';

/**
 * R-PRIN-4 款到发货, 提货地点以公司指定库位为准: the commercial facts a pickup is decided on, read
 * by the app before deciding. The rule is in force for a product line once the company has
 * designated its warehouses (the catalogue); before that, pickups are recorded as tonnage only,
 * as they were (ADR 0019).
 */
export interface PrepaymentFacts {
  enforced(productLine: string): boolean;
  isDesignated(productLine: string, warehouseId: string): boolean;
  /** the price in force at an instant, fen per tonne; null: none decided */
  priceFenAt(productLine: string, warehouseId: string, at: string): number | null;
  /** R-ARC-5: whether a signed sales contract of the customer covers the product line on that day */
  contractCovers(customerId: string, productLine: string, date: string): boolean;
  /** R-ALLOC-2: the customer's kilograms in the approved allocation of the product line's month; null: the month is not allocated */
  allocatedKg(customerId: string, productLine: string, month: string): number | null;
}

/**
 * R-ARC-1 / ONB-DUPLICATE (ADR 0024): the company key of a set of identifiers (onboarding's
 * `identityKeyOf`; null for identifiers it never issued), and whether a key's reservation stream
 * holds this customer: read by the app before an identity change is approved.
 */
export interface IdentityFacts {
  keyOf(identifiers: Record<string, string>): string | null;
  holds(identityKey: string, customerId: string): boolean;
}

/** What the customer decider needs from outside. No clock: time comes from `command.meta.now`. */
export interface CustomerServices {
  /** calendar days before a document's validUntil that its customer manager is warned (R-ARC-4) */
  documentWarningDays: number;
  /** required by the commands that move money (pickups and their corrections): absent, they are refused, never unchecked */
  prepayment?: PrepaymentFacts;
  /** R-TIER-4: the other indicators a reviewer may name when confirming or holding a move (default: DEFAULT_GRADE_INDICATORS) */
  gradeIndicators?: readonly string[];
  /** R-EVAL-1: at most this many calendar days past a document's validUntil an approved proof postpones suspension (default 30) */
  renewalGraceMaxDays?: number;
  /** required to approve an identity change: absent, the approval is refused, never unchecked */
  identity?: IdentityFacts;
}

/** For tests and the ledger-only paths: R-PRIN-4 not in force for any product line. */
export const NO_PREPAYMENT: PrepaymentFacts = { enforced: () => false, isDesignated: () => false, priceFenAt: () => null, contractCovers: () => false, allocatedKg: () => null };

export const DEFAULT_RENEWAL_GRACE_MAX_DAYS = 30;

export const DEFAULT_CUSTOMER_SERVICES: CustomerServices = { documentWarningDays: 30, gradeIndicators: DEFAULT_GRADE_INDICATORS, renewalGraceMaxDays: DEFAULT_RENEWAL_GRACE_MAX_DAYS };
