import type { Role } from '@crm/workflow-kit';
import type { OnboardingContext } from './onboarding.context';
import { OnboardingRule, STEP_ROLE } from './onboarding.rules';
import type { ReviewStep } from './onboarding.shapes';

/** A step decision as both the machine (from the event) and the decider (from the command) see it. */
export interface StepDecisionFacts {
  step: ReviewStep;
  by: string;
  role: Role;
  onBehalfOf: string | null;
}

export interface Refusal {
  ruleId: string;
  message: string;
  /** 'forbidden' → NotPermitted (403); 'rule' → DomainRuleViolation (422) */
  kind: 'forbidden' | 'rule';
}

const people = (d: StepDecisionFacts) => (d.onBehalfOf ? [d.by, d.onBehalfOf] : [d.by]);

/** The applicant and the customer manager named on the form both have a stake in the outcome. */
export function interestedParties(context: OnboardingContext): string[] {
  return [context.applicantId, context.form?.customerManagerId].filter((p): p is string => !!p);
}

export function approversOfOtherSteps(context: OnboardingContext, step: ReviewStep): Set<string> {
  const others = context.approvals.filter((a) => a.step !== step);
  return new Set(others.flatMap((a) => (a.onBehalfOf ? [a.by, a.onBehalfOf] : [a.by])));
}

/**
 * The checks behind every step decision, in the order a refusal should name them. The
 * machine's guards call them by name; the decider calls `stepDecisionRefusal` for the message.
 */
export const stepDecisionChecks = {
  isPendingStep: (c: OnboardingContext, d: StepDecisionFacts) => c.pending?.step === d.step,
  actsInStepRole: (_c: OnboardingContext, d: StepDecisionFacts) => d.role === STEP_ROLE[d.step],
  isNotInterestedParty: (c: OnboardingContext, d: StepDecisionFacts) => !people(d).some((p) => interestedParties(c).includes(p)),
  isAssigneeIfReassigned: (c: OnboardingContext, d: StepDecisionFacts) => !c.pending?.assignee || people(d).includes(c.pending.assignee),
  hasNotApprovedAnotherStep: (c: OnboardingContext, d: StepDecisionFacts) => {
    const others = approversOfOtherSteps(c, d.step);
    return !people(d).some((p) => others.has(p));
  },
};
export type StepDecisionCheck = keyof typeof stepDecisionChecks;

const refusals: Record<StepDecisionCheck, (c: OnboardingContext, d: StepDecisionFacts) => Refusal> = {
  isPendingStep: (c, d) => ({
    ruleId: OnboardingRule.order,
    kind: 'rule',
    message: `approval runs sales → finance → general manager; the ${d.step} step is not pending (pending: ${c.pending?.step ?? 'none'})`,
  }),
  actsInStepRole: (_c, d) => ({ ruleId: OnboardingRule.order, kind: 'forbidden', message: `the ${d.step} step is decided by a ${STEP_ROLE[d.step]}` }),
  isNotInterestedParty: () => ({
    ruleId: OnboardingRule.selfApproval,
    kind: 'forbidden',
    message: 'the applicant and the customer manager named on the application cannot decide its review steps',
  }),
  isAssigneeIfReassigned: (c, d) => ({
    ruleId: OnboardingRule.assignee,
    kind: 'forbidden',
    message: `the ${d.step} step was reassigned to ${c.pending?.assignee}; only they may decide it`,
  }),
  hasNotApprovedAnotherStep: (_c, d) => ({
    ruleId: OnboardingRule.segregation,
    kind: 'forbidden',
    message: `${people(d).join(' / ')} already approved another step of this application (segregation of duties, across rounds)`,
  }),
};

const DECISION_CHECKS: StepDecisionCheck[] = ['isPendingStep', 'actsInStepRole', 'isNotInterestedParty', 'isAssigneeIfReassigned'];
export const APPROVAL_CHECKS: StepDecisionCheck[] = [...DECISION_CHECKS, 'hasNotApprovedAnotherStep'];
export const REJECTION_CHECKS: StepDecisionCheck[] = DECISION_CHECKS;

/**
 * Segregation of duties applies to approvals only: refusing (reject, return) cannot push an
 * application through, so a reviewer who approved sales may still return it at finance.
 */
export function stepDecisionRefusal(context: OnboardingContext, d: StepDecisionFacts, approving: boolean): Refusal | null {
  const failed = (approving ? APPROVAL_CHECKS : REJECTION_CHECKS).find((name) => !stepDecisionChecks[name](context, d));
  return failed ? refusals[failed](context, d) : null;
}

/** A reassignment must not hand the step to someone the decision checks would refuse anyway. */
export function reassignmentRefusal(context: OnboardingContext, step: ReviewStep, to: string): Refusal | null {
  const d: StepDecisionFacts = { step, by: to, role: STEP_ROLE[step], onBehalfOf: null };
  const failed = (['isPendingStep', 'isNotInterestedParty', 'hasNotApprovedAnotherStep'] as const).find((n) => !stepDecisionChecks[n](context, d));
  return failed ? refusals[failed](context, d) : null;
}
