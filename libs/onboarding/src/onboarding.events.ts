import type { DomainEvent } from '@crm/workflow-kit';
import { Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { AdmissionAttestation } from './onboarding.admission';
import { ApplicationForm } from './onboarding.form';
import {
  CompanyIdentifiers, CompanyName, Contact, CustomerClass, EntityId, Instant, InvoicingData, ProductLine,
  QualificationDocument, ReviewStep,
} from './onboarding.shapes';

const Round = z.number().int().min(1).max(1000);
const comment = z.string().max(2000);
const DueAt = Instant.nullable();

export const ApplicationDrafted = z.object({
  applicationId: EntityId, applicantId: EntityId, form: ApplicationForm, identityKey: z.string().max(20), at: Instant,
});
export type ApplicationDrafted = z.infer<typeof ApplicationDrafted>;

export const ApplicationAmended = z.object({
  by: EntityId, form: ApplicationForm, identityKey: z.string().max(20), changedFields: z.array(z.string().max(50)).max(20), at: Instant,
});
export type ApplicationAmended = z.infer<typeof ApplicationAmended>;

/** Opens round `round` at the sales step; `reminderDueAt` fixes that step's reminder when it opens. */
export const ApplicationSubmitted = z.object({ round: Round, by: EntityId, reminderDueAt: DueAt, at: Instant });
export type ApplicationSubmitted = z.infer<typeof ApplicationSubmitted>;

export const ApplicationWithdrawn = z.object({ by: EntityId, reason: comment.nullable(), at: Instant });
export type ApplicationWithdrawn = z.infer<typeof ApplicationWithdrawn>;

/**
 * Who decided a step: `by` acted, in `role`; with a delegation `onBehalfOf` is the reviewer it
 * came from (history keeps both names, and segregation of duties counts both).
 */
const StepDecision = z.object({
  round: Round, by: EntityId, role: Role, onBehalfOf: EntityId.nullable(), delegationId: EntityId.nullable(), at: Instant,
});

/** `admission`: R-TIER-6 criteria the sales department attested (empty for polyolefin). */
export const SalesReviewApproved = StepDecision.extend({
  comment: comment.nullable(), admission: z.array(AdmissionAttestation).max(20), nextReminderDueAt: DueAt,
});
export type SalesReviewApproved = z.infer<typeof SalesReviewApproved>;

/** R-ONB-3: finance records that it checked the tax registration and the invoicing data. */
export const FinanceReviewApproved = StepDecision.extend({
  comment: comment.nullable(),
  checked: z.object({ taxRegistration: z.boolean(), invoicingData: z.boolean() }),
  nextReminderDueAt: DueAt,
});
export type FinanceReviewApproved = z.infer<typeof FinanceReviewApproved>;

export const GeneralManagerApproved = StepDecision.extend({ comment: comment.nullable() });
export type GeneralManagerApproved = z.infer<typeof GeneralManagerApproved>;

export const ApprovalRecord = z.object({ step: ReviewStep, round: Round, by: EntityId, onBehalfOf: EntityId.nullable(), at: Instant });
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

export const ArchiveDocument = QualificationDocument.safeExtend({ documentId: EntityId });
export type ArchiveDocument = z.infer<typeof ArchiveDocument>;

/**
 * R-ONB-3/R-ONB-4: the applicant is now a customer. Carries everything the customer archive
 * (R-ARC-1) opens with, so the customers context needs nothing else from this stream.
 */
export const ApplicationApproved = z.object({
  applicationId: EntityId,
  customerId: EntityId,
  applicantId: EntityId,
  name: CompanyName,
  identifiers: CompanyIdentifiers,
  identityKey: z.string().max(20),
  invoicing: InvoicingData,
  contacts: z.array(Contact).max(10),
  productLine: ProductLine,
  class: CustomerClass,
  grade: z.enum(['online_auction', 'ordinary']).nullable(),
  region: z.string().max(50),
  customerManagerId: EntityId,
  documents: z.array(ArchiveDocument).max(20),
  /** R-TIER-6, other chemicals only: who attested admission and what; null for polyolefin */
  admission: z.object({ checkedBy: EntityId, attestations: z.array(AdmissionAttestation).max(20) }).nullable(),
  approvals: z.array(ApprovalRecord).max(3),
  at: Instant,
});
export type ApplicationApproved = z.infer<typeof ApplicationApproved>;

export const ApplicationRejected = StepDecision.extend({ step: ReviewStep, reason: comment });
export type ApplicationRejected = z.infer<typeof ApplicationRejected>;

/** `notifyUsers`: the applicant (the customer manager) is told it came back (issue 15). */
export const ApplicationReturnedForRevision = StepDecision.extend({ step: ReviewStep, comment, notifyUsers: z.array(EntityId).max(1).optional() });
export type ApplicationReturnedForRevision = z.infer<typeof ApplicationReturnedForRevision>;

export const StepReassigned = z.object({
  round: Round, step: ReviewStep, from: EntityId.nullable(), to: EntityId, reason: comment.nullable(), by: EntityId, role: Role, at: Instant,
});
export type StepReassigned = z.infer<typeof StepReassigned>;

export const StepReminderSent = z.object({
  round: Round, step: ReviewStep, waitingSince: Instant, assignee: EntityId.nullable(), at: Instant,
});
export type StepReminderSent = z.infer<typeof StepReminderSent>;

/** The application reserved its company but was never drafted; its stream is closed so the draft cannot land late. */
export const ApplicationVoided = z.object({ applicationId: EntityId, identityKey: z.string().max(20), reservedAt: Instant, at: Instant });
export type ApplicationVoided = z.infer<typeof ApplicationVoided>;

export const onboardingEventSchemas = {
  ApplicationDrafted,
  ApplicationAmended,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  SalesReviewApproved,
  FinanceReviewApproved,
  GeneralManagerApproved,
  ApplicationApproved,
  ApplicationRejected,
  ApplicationReturnedForRevision,
  StepReassigned,
  StepReminderSent,
  ApplicationVoided,
};

type Events = typeof onboardingEventSchemas;
export type OnboardingEvent = { [K in keyof Events]: DomainEvent<K, z.infer<Events[K]>> }[keyof Events];
export type OnboardingEventType = OnboardingEvent['type'];
