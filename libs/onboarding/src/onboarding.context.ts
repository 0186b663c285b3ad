import type { AdmissionAttestation } from './onboarding.admission';
import type { ApprovalRecord } from './onboarding.events';
import type { ApplicationForm } from './onboarding.form';
import type { ReviewStep } from './onboarding.shapes';

/** The review step waiting for a decision; `since` is when it opened (from the opening event's `at`). */
export interface PendingStep {
  step: ReviewStep;
  round: number;
  since: string;
  reminderDueAt: string | null;
  /** set by an administrator's reassignment: then only this reviewer may decide the step */
  assignee: string | null;
  reminded: boolean;
}

/** What replaying an onboarding stream through the machine leaves in its context. */
export interface OnboardingContext {
  applicationId: string | null;
  applicantId: string | null;
  form: ApplicationForm | null;
  identityKey: string | null;
  /** submissions so far; a return for revision and resubmission starts the next round */
  round: number;
  pending: PendingStep | null;
  /** every approval of every round: segregation of duties looks across rounds */
  approvals: ApprovalRecord[];
  /** R-TIER-6 attestation of the latest sales approval */
  admission: { checkedBy: string; attestations: AdmissionAttestation[] } | null;
}

export const INITIAL_CONTEXT: OnboardingContext = {
  applicationId: null,
  applicantId: null,
  form: null,
  identityKey: null,
  round: 0,
  pending: null,
  approvals: [],
  admission: null,
};
