import {
  AddQualificationDocument, ApproveDisqualification, ApproveRenewalProof, ChangeCustomerInformation, ConfirmGradeMove, FileRenewalProof, RejectRenewalProof, CorrectPickup, EvaluateMonth, FileSalesPlan, Grade, IssueAgencyLicence, IsoDate,
  ProductLine, ProposeDisqualification, RecordPickup, RecordReceipt, RejectDisqualification, SalesForm, SalesObject, VoidPickup,
} from '@crm/customers';
import { CompanyIdentifiers } from '@crm/onboarding';
import { FileReference, freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';
import { SheetQuery } from '../spreadsheets/sheet-format';

/** Path ids: what a customer, document or pickup id may look like in a URL. */
export const PathId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'an id: letters, digits, dot, dash, colon or underscore');

/** Bodies are the domain's command schemas, closed: unknown fields are refused, not dropped. */
export const ChangeBody = z.strictObject(ChangeCustomerInformation.shape);
export type ChangeBody = z.infer<typeof ChangeBody>;
/** `file`: the renewed document's scan, uploaded first (POST /files) and named by its FileReference */
/** R-ARC-1 (ADR 0024): the new name and/or identifiers (checked like onboarding's, check character included). */
export const IdentityChangeBody = z.strictObject({
  requestId: PathId.optional(), name: freeText(200).optional(), identifiers: CompanyIdentifiers.optional(), reason: freeText(2000), file: FileReference.optional(),
});
export type IdentityChangeBody = z.infer<typeof IdentityChangeBody>;
export const IdentityDecisionBody = z.strictObject({ comment: optionalText(2000).optional() });
export type IdentityDecisionBody = z.infer<typeof IdentityDecisionBody>;
export const IdentityRejectBody = z.strictObject({ comment: freeText(2000) });
export type IdentityRejectBody = z.infer<typeof IdentityRejectBody>;
export const AddDocumentBody = z.strictObject(AddQualificationDocument.shape);
export type AddDocumentBody = z.infer<typeof AddDocumentBody>;
export const RenewBody = z.strictObject({ number: freeText(100), validFrom: IsoDate, validUntil: IsoDate, file: FileReference.optional() });
export type RenewBody = z.infer<typeof RenewBody>;
export const PickupBody = z.strictObject(RecordPickup.shape);
export const ReceiptBody = z.strictObject(RecordReceipt.shape);
export type ReceiptBody = z.infer<typeof ReceiptBody>;
export type PickupBody = z.infer<typeof PickupBody>;
export const CorrectBody = z.strictObject(CorrectPickup.omit({ pickupId: true }).shape);
export type CorrectBody = z.infer<typeof CorrectBody>;
export const VoidBody = z.strictObject(VoidPickup.omit({ pickupId: true }).shape);
export type VoidBody = z.infer<typeof VoidBody>;
export const EvaluationBody = z.strictObject(EvaluateMonth.shape);
export type EvaluationBody = z.infer<typeof EvaluationBody>;
export const SalesPlanBody = z.strictObject(FileSalesPlan.shape);
export type SalesPlanBody = z.infer<typeof SalesPlanBody>;
export const AgencyLicenceBody = z.strictObject(IssueAgencyLicence.shape);
export type AgencyLicenceBody = z.infer<typeof AgencyLicenceBody>;
export const ProposeBody = z.strictObject(ProposeDisqualification.shape);
export type ProposeBody = z.infer<typeof ProposeBody>;
export const ApproveBody = z.strictObject(ApproveDisqualification.shape);
export type ApproveBody = z.infer<typeof ApproveBody>;
export const RejectBody = z.strictObject(RejectDisqualification.shape);
export type RejectBody = z.infer<typeof RejectBody>;
export const ImportBody = z.strictObject({ csv: z.string().min(1).max(20_000_000) });

export const CustomerStatus = z.enum(['active', 'suspended', 'disqualified']);

export const CustomerListQuery = z.strictObject({
  grade: Grade.optional(),
  /** sales object (R-TIER-1/5) */
  class: SalesObject.optional(),
  salesForm: SalesForm.optional(),
  productLine: ProductLine.optional(),
  region: freeText(100).optional(),
  /** a company name, or (part of) its credit or organisation code */
  q: freeText(100).optional(),
  manager: PathId.optional(),
  status: CustomerStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  minPosition: MinPosition,
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const DetailQuery = z.strictObject({ minPosition: MinPosition });
export type DetailQuery = z.infer<typeof DetailQuery>;

export const GradeChangesQuery = z.strictObject({ month: EvaluateMonth.shape.month, minPosition: MinPosition, ...SheetQuery });
export type GradeChangesQuery = z.infer<typeof GradeChangesQuery>;

export const ExpiringQuery = z.strictObject({ withinDays: z.coerce.number().int().min(0).max(3650).default(30), minPosition: MinPosition, ...SheetQuery });
export type ExpiringQuery = z.infer<typeof ExpiringQuery>;

/** R-TIER-4 (ADR 0023): the month whose proposed move is decided, one of the configured indicators, and why. */
export const GradeReviewBody = z.strictObject(ConfirmGradeMove.shape);
export type GradeReviewBody = z.infer<typeof GradeReviewBody>;
/** R-EVAL-1: `file` is the proof's scan, uploaded first (POST /files) and named by its FileReference */
export const RenewalProofBody = z.strictObject(FileRenewalProof.omit({ documentId: true }).shape);
export type RenewalProofBody = z.infer<typeof RenewalProofBody>;
export const ApproveProofBody = z.strictObject(ApproveRenewalProof.omit({ documentId: true }).shape);
export type ApproveProofBody = z.infer<typeof ApproveProofBody>;
export const RejectProofBody = z.strictObject(RejectRenewalProof.omit({ documentId: true }).shape);
export type RejectProofBody = z.infer<typeof RejectProofBody>;
