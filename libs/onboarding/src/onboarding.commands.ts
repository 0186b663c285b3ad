import type { Command } from '@crm/workflow-kit';
import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { AdmissionAttestation } from './onboarding.admission';
import { ApplicationForm } from './onboarding.form';
import { EntityId, Instant, ReviewStep } from './onboarding.shapes';

const comment = freeText(2000);

/** A customer manager drafts the form; `applicationId` is chosen by the caller (the stream is `onboarding-<id>`). */
export const CreateApplication = z.object({ applicationId: EntityId.max(59, 'at most 59 characters (the customer id is cust-<applicationId>)'), form: ApplicationForm });
export type CreateApplication = z.infer<typeof CreateApplication>;

/** Replaces the whole form while it is a draft or returned for revision. */
export const AmendApplication = z.object({ form: ApplicationForm });
export type AmendApplication = z.infer<typeof AmendApplication>;

export const SubmitApplication = z.object({}).strict();
export type SubmitApplication = z.infer<typeof SubmitApplication>;

export const WithdrawApplication = z.object({ reason: comment.optional() });
export type WithdrawApplication = z.infer<typeof WithdrawApplication>;

/**
 * Every step decision names the step it means, so a decision made on a stale screen is refused
 * instead of landing on the next step. `onBehalfOf`: the reviewer whose delegation the actor uses.
 */
const stepDecision = { step: ReviewStep, onBehalfOf: EntityId.optional() };

/** R-ONB-3: finance's review focuses on the tax registration and the invoicing data. */
export const FinanceChecks = z.object({ taxRegistration: z.boolean(), invoicingData: z.boolean() });
export type FinanceChecks = z.infer<typeof FinanceChecks>;

/** `checked` is finance's (R-ONB-3); `admission` is the sales department's R-TIER-6 attestation for other chemicals. */
export const ApproveStep = z.object({
  ...stepDecision,
  comment: comment.optional(),
  checked: FinanceChecks.optional(),
  admission: z.array(AdmissionAttestation).max(20).optional(),
});
export type ApproveStep = z.infer<typeof ApproveStep>;

export const RejectStep = z.object({ ...stepDecision, reason: comment });
export type RejectStep = z.infer<typeof RejectStep>;

export const ReturnForRevision = z.object({ ...stepDecision, comment });
export type ReturnForRevision = z.infer<typeof ReturnForRevision>;

/** An administrator hands a pending step to a named reviewer (who must hold the step's role to act). */
export const ReassignStep = z.object({ step: ReviewStep, to: EntityId, reason: comment.optional() });
export type ReassignStep = z.infer<typeof ReassignStep>;

/** Issued by the timer scheduler; carries the round so a late firing from an earlier round is a no-op. */
export const SendStepReminder = z.object({ step: ReviewStep, round: z.number().int().min(1).max(1000) });
export type SendStepReminder = z.infer<typeof SendStepReminder>;

/**
 * Issued by the onboarding service, never by a person: fences the stream of an application that
 * reserved a company but was never drafted (the request died between the two appends), so the
 * late draft cannot land once another application has taken the company over.
 */
export const VoidApplication = z.object({ applicationId: CreateApplication.shape.applicationId, identityKey: freeText(20), reservedAt: Instant });
export type VoidApplication = z.infer<typeof VoidApplication>;

export const onboardingCommandSchemas = {
  CreateApplication,
  AmendApplication,
  SubmitApplication,
  WithdrawApplication,
  ApproveStep,
  RejectStep,
  ReturnForRevision,
  ReassignStep,
  SendStepReminder,
  VoidApplication,
};

export type OnboardingCommand =
  | Command<'CreateApplication', CreateApplication>
  | Command<'AmendApplication', AmendApplication>
  | Command<'SubmitApplication', SubmitApplication>
  | Command<'WithdrawApplication', WithdrawApplication>
  | Command<'ApproveStep', ApproveStep>
  | Command<'RejectStep', RejectStep>
  | Command<'ReturnForRevision', ReturnForRevision>
  | Command<'ReassignStep', ReassignStep>
  | Command<'SendStepReminder', SendStepReminder>
  | Command<'VoidApplication', VoidApplication>;
