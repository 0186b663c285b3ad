import { z } from 'zod';
import { Grade } from './grading';
import { GradingPolicy } from './grading-policy';
import { GradeMoveHeld, GradeMoveLapsed, GradeMoveProposed, GradeReview } from './grade-review.events';
import { RenewalProofApproved, RenewalProofFiled, RenewalProofRejected } from './renewal-proof.events';
import { CustomerIdentityChanged, IdentityChangeRejected, IdentityChangeRequested, QualificationDocumentAdded } from './identity-change.events';
import {
  Admission, Contact, CustomerClass, DisqualificationReason, Evidence, Id, Identifiers, Invoicing,
  IsoDate, IsoMonth, NotifyTarget, ProductLine, QualificationDocument, SalesPlanLine,
} from './customer.shapes';

const Instant = z.iso.datetime({ offset: true });
const Notify = z.array(NotifyTarget);

/** A document as the archive holds it: `warnAt` is fixed when it is filed (R-ARC-4). */
export const FiledDocument = QualificationDocument.extend({ warnAt: Instant });
export type FiledDocument = z.infer<typeof FiledDocument>;

export const CustomerArchiveOpened = z.object({
  customerId: Id, applicationId: Id, name: z.string().min(1).max(200), identifiers: Identifiers, invoicing: Invoicing,
  contacts: z.array(Contact), productLine: ProductLine, class: CustomerClass, grade: Grade.nullable(),
  customerManagerId: Id, region: z.string().min(1).max(100), documents: z.array(FiledDocument), admission: Admission.nullable(),
  openedBy: Id, openedAt: Instant, notify: Notify,
});
export type CustomerArchiveOpened = z.infer<typeof CustomerArchiveOpened>;

export const InformationField = z.enum(['contacts', 'invoicing', 'class', 'customerManagerId', 'region']);
export type InformationField = z.infer<typeof InformationField>;
export const CustomerInformationChanged = z.object({
  changes: z.partialRecord(InformationField, z.object({ before: z.unknown(), after: z.unknown() })),
  reason: z.string().min(1).max(2000), changedBy: Id, changedAt: Instant, notify: Notify,
});
export type CustomerInformationChanged = z.infer<typeof CustomerInformationChanged>;

export const QualificationDocumentRenewed = FiledDocument.extend({
  previous: QualificationDocument.pick({ number: true, validFrom: true, validUntil: true, file: true }),
  renewedBy: Id, renewedAt: Instant, notify: Notify,
});
export type QualificationDocumentRenewed = z.infer<typeof QualificationDocumentRenewed>;

export const DocumentExpiryWarned = z.object({
  documentId: Id, kind: z.string(), validUntil: IsoDate, daysLeft: z.number().int(), customerManagerId: Id, warnedAt: Instant, notify: Notify,
});
export type DocumentExpiryWarned = z.infer<typeof DocumentExpiryWarned>;
export const QualificationExpired = z.object({
  documentId: Id, kind: z.string(), validUntil: IsoDate, expiredAt: Instant,
  /** R-EVAL-1: an approved proof of renewal postponed the suspension to the end of this day */
  suspensionPostponedUntil: IsoDate.optional(),
});
export type QualificationExpired = z.infer<typeof QualificationExpired>;
export const CustomerSuspended = z.object({ reason: z.literal('R-EVAL-1'), documentIds: z.array(Id), suspendedAt: Instant, notify: Notify });
export type CustomerSuspended = z.infer<typeof CustomerSuspended>;
export const CustomerReinstated = z.object({ reason: z.literal('R-EVAL-1'), reinstatedAt: Instant, notify: Notify });
export type CustomerReinstated = z.infer<typeof CustomerReinstated>;

/** R-PRIN-4: what a pickup cost, at the price in force at its warehouse, and the prepayment left after it (fen). */
export const PickupCharge = z.object({ priceFen: z.number().int().positive(), amountFen: z.number().int().min(0), balanceAfterFen: z.number().int().min(0) });
export type PickupCharge = z.infer<typeof PickupCharge>;
export const PickupRecorded = z.object({
  pickupId: Id, date: IsoDate, product: z.string().min(1).max(200), tonnes: z.number().positive(), warehouse: z.string().min(1).max(200),
  recordedBy: Id, recordedAt: Instant,
  /** absent on pickups recorded before R-PRIN-4 was in force for the product line */
  charge: PickupCharge.nullable().optional(),
  /** R-TIER-7: the exclusive agency licence the agent picked up under (absent before the rule was checked, and for other classes) */
  agencyLicence: Id.optional(),
});
export type PickupRecorded = z.infer<typeof PickupRecorded>;
/** `effectiveDate` is the pickup's own date (the month it counts in); `recordedAt` is when we learnt. */
export const PickupCorrected = z.object({
  pickupId: Id, previousTonnes: z.number(), tonnes: z.number().positive(), reason: z.string().min(1), effectiveDate: IsoDate, recordedAt: Instant, correctedBy: Id,
  /** debited (positive) or credited back (negative) at the pickup's own price, and the balance after */
  charge: z.object({ deltaFen: z.number().int(), balanceAfterFen: z.number().int().min(0) }).nullable().optional(),
});
export type PickupCorrected = z.infer<typeof PickupCorrected>;
export const PickupVoided = z.object({
  pickupId: Id, tonnes: z.number(), reason: z.string().min(1), effectiveDate: IsoDate, recordedAt: Instant, voidedBy: Id,
  /** credited back to the prepayment account */
  creditFen: z.number().int().min(0).nullable().optional(),
});

/** R-PRIN-4 款到发货: finance records a payment received into the customer's prepayment account for a product line. */
export const ReceiptRecorded = z.object({
  receiptId: Id, productLine: z.string().min(1).max(64), amountFen: z.number().int().positive(), receivedOn: IsoDate, reference: z.string().max(200),
  balanceAfterFen: z.number().int().min(0), recordedBy: Id, recordedAt: Instant,
});
export type ReceiptRecorded = z.infer<typeof ReceiptRecorded>;
export type PickupVoided = z.infer<typeof PickupVoided>;

/** `reviewed_evaluation`: a proposed tonnage move the sales department confirmed (R-TIER-4, ADR 0023). */
export const GradeChangeCause = z.enum(['monthly_evaluation', 'reevaluation', 'became_planned', 'direct_customer', 'reviewed_evaluation']);
export type GradeChangeCause = z.infer<typeof GradeChangeCause>;
/** Every grade change carries its evidence; month/tonnage/band are null when the class caused it. */
export const CustomerGradeChanged = z.object({
  month: IsoMonth.nullable(), tonnage: z.number().nullable(), band: Grade.nullable(), previousGrade: Grade, newGrade: Grade,
  cause: GradeChangeCause, ruleId: z.string(), changedAt: Instant,
  /** the confirming review (cause reviewed_evaluation) */
  review: GradeReview.optional(),
});
export type CustomerGradeChanged = z.infer<typeof CustomerGradeChanged>;
export const MonthEvaluated = z.object({
  month: IsoMonth, tonnage: z.number(), band: Grade, grade: Grade, unchanged: z.literal(true), ruleId: z.string(), evaluatedAt: Instant,
  /** absent on evaluations made before the review step (ADR 0023): they replay by the old reading */
  policy: GradingPolicy.optional(),
});
export type MonthEvaluated = z.infer<typeof MonthEvaluated>;
/** A late correction re-ran an evaluated month; the original evaluation stays in the stream. */
export const MonthReevaluated = z.object({
  month: IsoMonth, previousTonnage: z.number(), tonnage: z.number(), previousBand: Grade, band: Grade,
  awardedGrade: Grade, reevaluatedGrade: Grade, latestMonth: z.boolean(), pickupId: Id, reevaluatedAt: Instant,
});
export type MonthReevaluated = z.infer<typeof MonthReevaluated>;

export const SalesPlanFiled = z.object({ month: IsoMonth, lines: z.array(SalesPlanLine), revision: z.number().int().min(1), filedBy: Id, filedAt: Instant });
export type SalesPlanFiled = z.infer<typeof SalesPlanFiled>;
export const AgencyLicenceIssued = z.object({
  year: z.number().int(), licenceNumber: Id, validFrom: IsoDate, validUntil: IsoDate, issuedBy: Id, issuedAt: Instant,
});
export type AgencyLicenceIssued = z.infer<typeof AgencyLicenceIssued>;
export const AgencyLicenceExpired = z.object({ year: z.number().int(), licenceNumber: Id, expiredAt: Instant });
export type AgencyLicenceExpired = z.infer<typeof AgencyLicenceExpired>;
/** R-TIER-7: next month's plan was not filed by its due day; `late` once the month began (recorded, nobody told). */
export const SalesPlanMissing = z.object({ month: IsoMonth, dueAt: Instant, late: z.boolean(), customerManagerId: Id, checkedAt: Instant, notify: Notify });
export type SalesPlanMissing = z.infer<typeof SalesPlanMissing>;

export const DisqualificationProposed = z.object({ reason: DisqualificationReason, evidence: Evidence, proposedBy: Id, proposedAt: Instant });
export type DisqualificationProposed = z.infer<typeof DisqualificationProposed>;
export const DisqualificationRejected = z.object({ comment: z.string().max(2000), rejectedBy: Id, rejectedAt: Instant });
export type DisqualificationRejected = z.infer<typeof DisqualificationRejected>;
export const CustomerDisqualified = z.object({
  reason: DisqualificationReason, evidence: Evidence, proposedBy: Id, approvedBy: Id, approvedAt: Instant, comment: z.string().max(2000).nullable(), notify: Notify,
});
export type CustomerDisqualified = z.infer<typeof CustomerDisqualified>;

export const customerEventSchemas = {
  CustomerArchiveOpened, CustomerInformationChanged, QualificationDocumentRenewed, DocumentExpiryWarned, QualificationExpired,
  CustomerSuspended, CustomerReinstated, PickupRecorded, PickupCorrected, PickupVoided, CustomerGradeChanged, MonthEvaluated,
  MonthReevaluated, SalesPlanFiled, AgencyLicenceIssued, AgencyLicenceExpired, DisqualificationProposed, DisqualificationRejected,
  CustomerDisqualified, ReceiptRecorded, GradeMoveProposed, GradeMoveHeld, GradeMoveLapsed, RenewalProofFiled, RenewalProofApproved,
  RenewalProofRejected, SalesPlanMissing, IdentityChangeRequested, CustomerIdentityChanged, IdentityChangeRejected, QualificationDocumentAdded,
} as const;

type Schemas = typeof customerEventSchemas;
export type CustomerEventType = keyof Schemas;
/** The union the machine consumes: `{ type, data }` for every event above. */
export type CustomerEvent = { [K in CustomerEventType]: { type: K; data: z.infer<Schemas[K]> } }[CustomerEventType];
export type CustomerEventOf<K extends CustomerEventType> = Extract<CustomerEvent, { type: K }>;
