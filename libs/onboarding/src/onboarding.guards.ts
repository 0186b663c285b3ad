import type { OnboardingContext } from './onboarding.context';
import type { OnboardingEvent } from './onboarding.events';
import { type StepDecisionFacts, reassignmentRefusal, stepDecisionChecks } from './onboarding.policy';
import { missingAdmission } from './onboarding.admission';
import { submissionProblems } from './onboarding.rules';
import type { ReviewStep } from './onboarding.shapes';

type GuardArgs = { context: OnboardingContext; event: OnboardingEvent };

const APPROVED_STEP: Partial<Record<OnboardingEvent['type'], ReviewStep>> = {
  SalesReviewApproved: 'sales',
  FinanceReviewApproved: 'finance',
  GeneralManagerApproved: 'generalManager',
};

/** The step decision an event records, or null for events that decide no step. */
export function decisionOf(event: OnboardingEvent): StepDecisionFacts | null {
  switch (event.type) {
    case 'SalesReviewApproved':
    case 'FinanceReviewApproved':
    case 'GeneralManagerApproved':
      return { step: APPROVED_STEP[event.type] as ReviewStep, by: event.data.by, role: event.data.role, onBehalfOf: event.data.onBehalfOf };
    case 'ApplicationRejected':
    case 'ApplicationReturnedForRevision':
      return { step: event.data.step, by: event.data.by, role: event.data.role, onBehalfOf: event.data.onBehalfOf };
    default:
      return null;
  }
}

const roundOf = (event: OnboardingEvent): number | null => ('round' in event.data ? event.data.round : null);
const by = (event: OnboardingEvent): string | null => ('by' in event.data ? event.data.by : null);

const decisionGuard =
  (name: keyof typeof stepDecisionChecks) =>
  ({ context, event }: GuardArgs): boolean => {
    const decision = decisionOf(event);
    return decision !== null && context.pending?.round === roundOf(event) && stepDecisionChecks[name](context, decision);
  };

/** Named guards of the onboarding machine: each reads as one clause of the policy. */
export const onboardingGuards = {
  isApplicant: ({ context, event }: GuardArgs) => context.applicantId !== null && by(event) === context.applicantId,
  isNextRound: ({ context, event }: GuardArgs) => event.type === 'ApplicationSubmitted' && event.data.round === context.round + 1,
  /** R-ONB-1/R-ONB-2: every required certificate present, matching and valid on the day */
  isCompleteAndValid: ({ context, event }: GuardArgs) =>
    event.type === 'ApplicationSubmitted' && context.form !== null && submissionProblems(context.form, event.data.at).length === 0,
  isPendingStep: decisionGuard('isPendingStep'),
  actsInStepRole: decisionGuard('actsInStepRole'),
  isNotInterestedParty: decisionGuard('isNotInterestedParty'),
  isAssigneeIfReassigned: decisionGuard('isAssigneeIfReassigned'),
  hasNotApprovedAnotherStep: decisionGuard('hasNotApprovedAnotherStep'),
  /** R-ONB-3: finance's approval stands on the tax registration and the invoicing data */
  financeCheckedTaxAndInvoicing: ({ event }: GuardArgs) =>
    event.type === 'FinanceReviewApproved' && event.data.checked.taxRegistration && event.data.checked.invoicingData,
  /** R-TIER-6: other-chemicals customers are admitted on the sales department's attestation */
  salesAttestedAdmission: ({ context, event }: GuardArgs) =>
    event.type === 'SalesReviewApproved' &&
    context.form !== null &&
    missingAdmission(context.form.productLine, context.form.customerClass, event.data.admission ?? []).length === 0,
  isAdministratorReassigningToEligibleReviewer: ({ context, event }: GuardArgs) =>
    event.type === 'StepReassigned' &&
    event.data.role === 'administrator' &&
    context.pending?.round === event.data.round &&
    reassignmentRefusal(context, event.data.step, event.data.to) === null,
  isFirstReminderOfPendingStep: ({ context, event }: GuardArgs) =>
    event.type === 'StepReminderSent' &&
    context.pending?.step === event.data.step &&
    context.pending.round === event.data.round &&
    !context.pending.reminded,
};
