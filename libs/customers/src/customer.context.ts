import { PersistentMap } from './persistent-map';
import type { Grade } from './grading';
import type { ProposalBasis } from './grading-policy';
import type { Admission, Contact, CustomerClass, DisqualificationReason, Identifiers, Invoicing, ProductLine, SalesPlanLine } from './customer.shapes';
import type { FiledDocument } from './customer.events';
import type { IdentityChanges } from './identity-change.events';
import type { FileReference } from '@crm/workflow-kit';

export interface DocumentState extends FiledDocument {
  /** the validUntil a warning was already sent for, so a renewal re-arms it */
  warnedFor: string | null;
  expired: boolean;
}

export interface PickupState {
  date: string;
  product: string;
  warehouse: string;
  /** kilograms, so month sums stay exact integers */
  kg: number;
  voided: boolean;
  /** R-PRIN-4: fen per tonne it was charged at; null when recorded before prepayment was in force */
  priceFen?: number | null;
}

export interface EvaluationRecord {
  tonnageKg: number;
  gradeBefore: Grade;
  gradeAfter: Grade;
}

export interface PendingDisqualification {
  reason: DisqualificationReason;
  evidence: string[];
  proposedBy: string;
  proposedAt: string;
}

/** R-TIER-4: a tonnage move the evaluation proposed, waiting for the sales department (ADR 0023). */
export interface PendingGradeMove {
  month: string;
  tonnage: number;
  band: Grade;
  currentGrade: Grade;
  proposedGrade: Grade;
  basis: ProposalBasis;
  proposedAt: string;
}

/** R-EVAL-1: proof that a document's renewal is under way, pending or approved (rejected proofs leave nothing). */
export interface RenewalProofState {
  proofId: string;
  status: 'pending' | 'approved';
  expectedBy: string;
  /** the latest graceUntil the bound in force at filing allows */
  latestGrace: string;
  graceUntil: string | null;
  filedBy: string;
  filedAt: string;
}

/** A period business was suspended (R-EVAL-1); `until` null while it lasts. */
export interface SuspensionPeriod {
  from: string;
  until: string | null;
}

/** R-ARC-1: a name or credit-code change waiting for the sales department (ADR 0024). */
export interface PendingIdentityChange {
  requestId: string;
  changes: IdentityChanges;
  reason: string;
  file?: FileReference;
  requestedBy: string;
  requestedAt: string;
}

export interface CustomerContext {
  customerId: string | null;
  applicationId: string | null;
  name: string;
  identifiers: Identifiers;
  invoicing: Invoicing;
  contacts: Contact[];
  productLine: ProductLine | null;
  class: CustomerClass | null;
  grade: Grade | null;
  customerManagerId: string | null;
  region: string | null;
  admission: Admission | null;
  openedAt: string | null;
  documents: Record<string, DocumentState>;
  /** by pickup id; persistent so recording one does not copy the others (see persistent-map.ts) */
  pickups: PersistentMap<PickupState>;
  /** month (YYYY-MM) → kilograms of live pickups dated in it */
  monthKg: Record<string, number>;
  evaluations: Record<string, EvaluationRecord>;
  lastEvaluatedMonth: string | null;
  salesPlans: Record<string, { lines: SalesPlanLine[]; revision: number; filedAt: string }>;
  /** year → licence (`validFrom` absent only on contexts built before it was kept) */
  agencyLicences: Record<string, { licenceNumber: string; validFrom?: string; validUntil: string; expired: boolean }>;
  /** R-TIER-7: the last month whose missing sales plan was recorded (the reminder chain's anchor) */
  salesPlansCheckedThrough: string | null;
  /** R-TIER-4: the proposed move waiting for review; set only under GRADING_POLICY */
  pendingGradeMove: PendingGradeMove | null;
  /** the grading policy of the latest evaluation; null: every evaluation so far predates the review step */
  gradingPolicy: string | null;
  /** R-EVAL-1: by document id */
  renewalProofs: Record<string, RenewalProofState>;
  /** R-EVAL-1: every suspension, oldest first, so back-dated pickups can be checked against them */
  suspensions: SuspensionPeriod[];
  pendingDisqualification: PendingDisqualification | null;
  pendingIdentityChange: PendingIdentityChange | null;
  suspendedSince: string | null;
  disqualifiedAt: string | null;
  /** R-PRIN-4: prepayment balance per product line, fen */
  balances: Record<string, number>;
  receiptIds: Record<string, true>;
}

export const initialCustomerContext: CustomerContext = {
  customerId: null,
  applicationId: null,
  name: '',
  identifiers: {},
  invoicing: {},
  contacts: [],
  productLine: null,
  class: null,
  grade: null,
  customerManagerId: null,
  region: null,
  admission: null,
  openedAt: null,
  documents: {},
  pickups: PersistentMap.empty(),
  monthKg: {},
  evaluations: {},
  lastEvaluatedMonth: null,
  salesPlans: {},
  agencyLicences: {},
  salesPlansCheckedThrough: null,
  pendingGradeMove: null,
  gradingPolicy: null,
  renewalProofs: {},
  suspensions: [],
  pendingDisqualification: null,
  pendingIdentityChange: null,
  suspendedSince: null,
  disqualifiedAt: null,
  balances: {},
  receiptIds: {},
};

export const toKg = (tonnes: number): number => Math.round(tonnes * 1000);
export const toTonnes = (kg: number): number => kg / 1000;
