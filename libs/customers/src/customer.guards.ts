import type { CustomerContext } from './customer.context';
import type { CustomerClass } from './customer.shapes';
import { toKg } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { amountFenOf } from './decide-prepayment';
import { type Grade, stepsBetween } from './grading';
import { confirmsPendingMove, gradeReviewGuards } from './grade-review.guards';
import { renewalProofGuards } from './renewal-proof.guards';
import { identityGuards } from './identity-change.guards';
import { allExpiredExcused } from './renewal-grace';
import { licenceCoversPickup } from './pickup-eligibility';
import { nextSalesPlanMonth } from './sales-plan-reminder';
import {
  classProblem, evaluateMonthOf, gradeForClass, hasExpiredDocument, missingAdmission, nextMonthToEvaluate, reevaluatedGrade,
} from './customer.rules';

const isExclusiveAgent = (c: CustomerContext) => c.productLine === 'other_chemicals' && c.class?.salesObject === 'exclusive_agent';

type Guard = (context: CustomerContext, event: CustomerEvent) => boolean;

/** The machine's named guards: each reads like the policy line it enforces. */
export const customerGuards = {
  /** R-TIER-1/2/5/6 */
  archiveIsAdmissible: (_c, e) =>
    e.type === 'CustomerArchiveOpened' &&
    classProblem(e.data.productLine, e.data.class) === null &&
    e.data.grade === gradeForClass(e.data.productLine, e.data.class) &&
    missingAdmission(e.data.productLine, e.data.class, e.data.admission).length === 0,
  /** R-ARC-1: a change records something that actually changed */
  changesSomething: (c, e) =>
    e.type === 'CustomerInformationChanged' &&
    Object.keys(e.data.changes).length > 0 &&
    (!e.data.changes.class || (c.productLine !== null && classProblem(c.productLine, e.data.changes.class.after as CustomerClass) === null)),
  /** R-ARC-4 */
  renewsKnownDocument: (c, e) =>
    e.type === 'QualificationDocumentRenewed' && !!c.documents[e.data.documentId] && e.data.validUntil > c.documents[e.data.documentId].validUntil,
  documentAwaitsWarning: (c, e) => {
    const doc = e.type === 'DocumentExpiryWarned' ? c.documents[e.data.documentId] : undefined;
    return !!doc && !doc.expired && doc.validUntil === (e as { data: { validUntil: string } }).data.validUntil && doc.warnedFor !== doc.validUntil;
  },
  documentIsLive: (c, e) => {
    const doc = e.type === 'QualificationExpired' ? c.documents[e.data.documentId] : undefined;
    return !!doc && !doc.expired && doc.validUntil === (e as { data: { validUntil: string } }).data.validUntil;
  },
  /** R-EVAL-1 */
  hasExpiredDocument: (c) => hasExpiredDocument(c),
  // loosened only by renewal proofs, which no stream older than ADR 0023 holds: old streams replay alike
  allDocumentsValid: (c) => !hasExpiredDocument(c) || allExpiredExcused(c),
  isNewPickup: (c, e) =>
    e.type === 'PickupRecorded' && !c.pickups.has(e.data.pickupId) && pickupChargeIsExact(c, e) &&
    (e.data.agencyLicence === undefined || licenceCoversPickup(c, e.data.date, e.data.agencyLicence)),
  ...renewalProofGuards,
  ...identityGuards,
  isLivePickup: (c, e) => (e.type === 'PickupCorrected' || e.type === 'PickupVoided') && c.pickups.get(e.data.pickupId)?.voided === false && adjustmentIsExact(c, e),
  /** R-PRIN-4: a new receipt adds exactly its amount to its product line's balance */
  receiptAddsUp: (c, e) =>
    e.type === 'ReceiptRecorded' && !c.receiptIds[e.data.receiptId] && e.data.productLine === c.productLine && e.data.balanceAfterFen === (c.balances[e.data.productLine] ?? 0) + e.data.amountFen,
  /** R-TIER-2/3/4: an unchanged month must really be unchanged (by the reading of the policy it names) */
  isUnchangedNextMonth: (c, e) =>
    e.type === 'MonthEvaluated' && e.data.month === nextMonthToEvaluate(c) && c.grade === e.data.grade && c.pendingGradeMove === null &&
    evaluateMonthOf(c, e.data.month, e.data.policy ?? null).newGrade === c.grade,
  ...gradeReviewGuards,
  /** R-TIER-3/4: every grade change is one the policy produces from its evidence */
  gradeChangeIsWarranted: (c, e) =>
    e.type === 'CustomerGradeChanged' && e.data.previousGrade === c.grade && e.data.newGrade !== c.grade && withinOneStep(e.data) && warranted(c, e),
  monthWasEvaluated: (c, e) => e.type === 'MonthReevaluated' && !!c.evaluations[e.data.month],
  /** R-TIER-7 */
  isExclusiveAgent: (c) => isExclusiveAgent(c),
  licenceCanBeIssued: (c, e) => isExclusiveAgent(c) && e.type === 'AgencyLicenceIssued' && !c.agencyLicences[e.data.year],
  planIsMissing: (c, e) => e.type === 'SalesPlanMissing' && e.data.month === nextSalesPlanMonth(c) && !c.salesPlans[e.data.month],
  licenceIsLive: (c, e) => e.type === 'AgencyLicenceExpired' && !!c.agencyLicences[e.data.year] && !c.agencyLicences[e.data.year].expired,
  /** R-EVAL-3 */
  noPendingProposal: (c) => c.pendingDisqualification === null,
  hasPendingProposal: (c) => c.pendingDisqualification !== null,
} satisfies Record<string, Guard>;

/** R-TIER-4: a move by tonnage (monthly or re-evaluated) is one step; reclassifications (R-TIER-2/3) are not tonnage moves. */
function withinOneStep(d: { cause: string; previousGrade: Grade; newGrade: Grade }): boolean {
  return !TONNAGE_CAUSES.has(d.cause) || stepsBetween(d.previousGrade, d.newGrade) <= 1;
}
const TONNAGE_CAUSES = new Set(['monthly_evaluation', 'reevaluation', 'reviewed_evaluation']);

/** R-PRIN-4 款到发货: a charged pickup costs tonnes × price and never takes the balance below zero, whoever decided it. */
function pickupChargeIsExact(c: CustomerContext, e: Extract<CustomerEvent, { type: 'PickupRecorded' }>): boolean {
  const charge = e.data.charge;
  if (!charge) return true;
  const balance = c.productLine ? (c.balances[c.productLine] ?? 0) : 0;
  return charge.amountFen === amountFenOf(toKg(e.data.tonnes), charge.priceFen) && charge.balanceAfterFen === balance - charge.amountFen && charge.balanceAfterFen >= 0;
}

/** A correction or void moves the balance by exactly the pickup's own price × the tonnes changed. */
function adjustmentIsExact(c: CustomerContext, e: Extract<CustomerEvent, { type: 'PickupCorrected' | 'PickupVoided' }>): boolean {
  const pickup = c.pickups.get(e.data.pickupId);
  if (!pickup?.priceFen || !c.productLine) return e.type === 'PickupCorrected' ? !e.data.charge : !e.data.creditFen;
  const balance = c.balances[c.productLine] ?? 0;
  if (e.type === 'PickupVoided') return e.data.creditFen === amountFenOf(pickup.kg, pickup.priceFen);
  const delta = amountFenOf(toKg(e.data.tonnes), pickup.priceFen) - amountFenOf(pickup.kg, pickup.priceFen);
  return !!e.data.charge && e.data.charge.deltaFen === delta && e.data.charge.balanceAfterFen === balance - delta && e.data.charge.balanceAfterFen >= 0;
}

function warranted(c: CustomerContext, e: Extract<CustomerEvent, { type: 'CustomerGradeChanged' }>): boolean {
  const { month, cause, newGrade } = e.data;
  switch (cause) {
    case 'became_planned':
      return c.grade === 'online_auction' && c.class?.salesForm === 'planned' && newGrade === 'ordinary';
    case 'direct_customer':
      return c.class?.salesObject === 'direct' && newGrade === 'ordinary';
    // the two direct tonnage moves predate the review step: once a stream is under it (ADR 0023) only a confirmation moves by tonnage
    case 'monthly_evaluation':
      return c.gradingPolicy === null && month !== null && month === nextMonthToEvaluate(c) && evaluateMonthOf(c, month).newGrade === newGrade;
    case 'reviewed_evaluation':
      return confirmsPendingMove(c, e);
    case 'reevaluation': {
      if (c.gradingPolicy !== null || month === null || month !== c.lastEvaluatedMonth) return false;
      const record = c.evaluations[month];
      const kg = c.monthKg[month] ?? 0;
      return c.grade === record.gradeAfter && toKg(e.data.tonnage ?? -1) === kg && reevaluatedGrade(c, month, kg).newGrade === newGrade;
    }
    default:
      return false;
  }
}
