import type { Command } from '@crm/workflow-kit';
import { FileReference, freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { Grade } from './grading';
import {
  Admission, Contact, CustomerClass, DisqualificationReason, Evidence, Id, Identifiers, Invoicing, IsoDate, IsoMonth,
  ProductLine, QualificationDocument, SalesPlanLine, Tonnes,
} from './customer.shapes';

/** Issued by the system when onboarding's last approval lands (R-ONB-4). */
export const OpenCustomerArchive = z.object({
  customerId: Id,
  applicationId: Id,
  name: freeText(200),
  identifiers: Identifiers,
  invoicing: Invoicing,
  contacts: z.array(Contact).max(50),
  productLine: ProductLine,
  class: CustomerClass,
  /** optional: derived from the class (R-TIER-2/3); when given it must agree */
  grade: Grade.nullable().optional(),
  customerManagerId: Id,
  region: freeText(100),
  documents: z.array(QualificationDocument).max(50),
  /** required for other chemical products (R-TIER-6) */
  admission: Admission.nullable().optional(),
});
export type OpenCustomerArchive = z.infer<typeof OpenCustomerArchive>;

export const ChangeCustomerInformation = z.object({
  changes: z
    .object({ contacts: z.array(Contact).max(50), invoicing: Invoicing, class: CustomerClass, customerManagerId: Id, region: freeText(100) })
    .partial()
    .strict(),
  reason: freeText(2000),
});
export type ChangeCustomerInformation = z.infer<typeof ChangeCustomerInformation>;

export const RenewQualificationDocument = QualificationDocument.omit({ kind: true });
export type RenewQualificationDocument = z.infer<typeof RenewQualificationDocument>;
/** Timer commands carry the validUntil they were scheduled for, so a stale firing is a no-op. */
export const WarnDocumentExpiry = z.object({ documentId: Id, validUntil: IsoDate });
export type WarnDocumentExpiry = z.infer<typeof WarnDocumentExpiry>;
export const ExpireDocument = z.object({ documentId: Id, validUntil: IsoDate });
export type ExpireDocument = z.infer<typeof ExpireDocument>;

export const RecordPickup = z.object({
  pickupId: Id, date: IsoDate, product: freeText(200), tonnes: Tonnes, warehouse: freeText(200),
});
export type RecordPickup = z.infer<typeof RecordPickup>;
export const CorrectPickup = z.object({ pickupId: Id, tonnes: Tonnes, reason: freeText(2000) });
export type CorrectPickup = z.infer<typeof CorrectPickup>;
export const VoidPickup = z.object({ pickupId: Id, reason: freeText(2000) });
export type VoidPickup = z.infer<typeof VoidPickup>;

/** R-PRIN-4: a payment finance received (yuan, to the fen), for one product line's prepayment account. */
export const RecordReceipt = z.object({
  receiptId: Id, productLine: Id, amount: z.number().positive().max(10_000_000_000).multipleOf(0.01), receivedOn: IsoDate, reference: freeText(200),
});
export type RecordReceipt = z.infer<typeof RecordReceipt>;

export const EvaluateMonth = z.object({ month: IsoMonth });
export type EvaluateMonth = z.infer<typeof EvaluateMonth>;

/** R-TIER-4: the sales department's decision on a proposed move, naming one of the other indicators (ADR 0023). */
export const ConfirmGradeMove = z.object({ month: IsoMonth, indicator: Id, reason: freeText(2000) });
export type ConfirmGradeMove = z.infer<typeof ConfirmGradeMove>;
export const HoldGradeMove = z.object({ month: IsoMonth, indicator: Id, reason: freeText(2000) });
export type HoldGradeMove = z.infer<typeof HoldGradeMove>;

/** R-EVAL-1: proof that a document's renewal is under way; `file` is the scan uploaded first (ADR 0018). */
export const FileRenewalProof = z.object({
  documentId: Id, proofId: Id, description: freeText(2000), expectedBy: IsoDate, file: FileReference.optional(),
});
export type FileRenewalProof = z.infer<typeof FileRenewalProof>;
export const ApproveRenewalProof = z.object({ documentId: Id, comment: optionalText(2000).optional() });
export type ApproveRenewalProof = z.infer<typeof ApproveRenewalProof>;
export const RejectRenewalProof = z.object({ documentId: Id, comment: freeText(2000) });
export type RejectRenewalProof = z.infer<typeof RejectRenewalProof>;
/** Timer: the approved postponement is over; carries the date it was scheduled for, so a stale firing is a no-op. */
export const EndRenewalGrace = z.object({ documentId: Id, graceUntil: IsoDate });
export type EndRenewalGrace = z.infer<typeof EndRenewalGrace>;

/** Timer (R-TIER-7): the due day of next month's sales plan has passed. */
export const CheckSalesPlan = z.object({ month: IsoMonth });
export type CheckSalesPlan = z.infer<typeof CheckSalesPlan>;

export const FileSalesPlan = z.object({ month: IsoMonth, lines: z.array(SalesPlanLine).min(1).max(500) });
export type FileSalesPlan = z.infer<typeof FileSalesPlan>;
export const IssueAgencyLicence = z.object({ year: z.number().int().min(2000).max(2100), licenceNumber: Id });
export type IssueAgencyLicence = z.infer<typeof IssueAgencyLicence>;
export const ExpireAgencyLicence = z.object({ year: z.number().int().min(2000).max(2100) });
export type ExpireAgencyLicence = z.infer<typeof ExpireAgencyLicence>;

export const ProposeDisqualification = z.object({ reason: DisqualificationReason, evidence: Evidence });
export type ProposeDisqualification = z.infer<typeof ProposeDisqualification>;
export const ApproveDisqualification = z.object({ comment: optionalText(2000).optional() });
export type ApproveDisqualification = z.infer<typeof ApproveDisqualification>;
export const RejectDisqualification = z.object({ comment: freeText(2000) });
export type RejectDisqualification = z.infer<typeof RejectDisqualification>;

/**
 * R-ARC-1: a renamed or re-registered company (更名, 统一社会信用代码变更) keeps its archive; the change
 * waits for the sales department (ADR 0024). At least one of name and identifiers.
 */
export const RequestIdentityChange = z.object({
  requestId: Id, name: freeText(200).optional(), identifiers: Identifiers.optional(), reason: freeText(2000), file: FileReference.optional(),
});
export type RequestIdentityChange = z.infer<typeof RequestIdentityChange>;
export const ApproveIdentityChange = z.object({ requestId: Id, comment: optionalText(2000).optional() });
export type ApproveIdentityChange = z.infer<typeof ApproveIdentityChange>;
export const RejectIdentityChange = z.object({ requestId: Id, comment: freeText(2000) });
export type RejectIdentityChange = z.infer<typeof RejectIdentityChange>;
/** R-ARC-1/R-ARC-4: a document added to an open archive, with its scan (ADR 0018). */
export const AddQualificationDocument = QualificationDocument.extend({ reason: freeText(2000) });
export type AddQualificationDocument = z.infer<typeof AddQualificationDocument>;

export const customerCommandSchemas = {
  OpenCustomerArchive, ChangeCustomerInformation, RenewQualificationDocument, WarnDocumentExpiry, ExpireDocument,
  RecordPickup, CorrectPickup, VoidPickup, RecordReceipt, EvaluateMonth, FileSalesPlan, IssueAgencyLicence, ExpireAgencyLicence,
  ProposeDisqualification, ApproveDisqualification, RejectDisqualification, ConfirmGradeMove, HoldGradeMove, FileRenewalProof,
  ApproveRenewalProof, RejectRenewalProof, EndRenewalGrace, CheckSalesPlan, RequestIdentityChange, ApproveIdentityChange, RejectIdentityChange,
  AddQualificationDocument,
} as const;

type Schemas = typeof customerCommandSchemas;
export type CustomerCommandType = keyof Schemas;
export type CustomerCommand = { [K in CustomerCommandType]: Command<K, z.infer<Schemas[K]>> }[CustomerCommandType];
export type CustomerCommandOf<K extends CustomerCommandType> = Extract<CustomerCommand, { type: K }>;
