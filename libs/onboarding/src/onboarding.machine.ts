import { and, assign, setup } from 'xstate';
import { INITIAL_CONTEXT, type OnboardingContext, type PendingStep } from './onboarding.context';
import type { OnboardingEvent } from './onboarding.events';
import { onboardingGuards } from './onboarding.guards';
import type { ReviewStep } from './onboarding.shapes';

type Args = { context: OnboardingContext; event: OnboardingEvent };
type Ev<T extends OnboardingEvent['type']> = Extract<OnboardingEvent, { type: T }>['data'];

const openStep = (step: ReviewStep, round: number, since: string, reminderDueAt: string | null): PendingStep => ({
  step, round, since, reminderDueAt, assignee: null, reminded: false,
});

/** Record an approval and open the next step (none after the general manager). */
const approve = (step: ReviewStep, next: ReviewStep | null) =>
  assign<OnboardingContext, OnboardingEvent, undefined, OnboardingEvent, never>(({ context, event }) => {
    const e = event.data as Ev<'SalesReviewApproved'> | Ev<'FinanceReviewApproved'> | Ev<'GeneralManagerApproved'>;
    const due = 'nextReminderDueAt' in e ? e.nextReminderDueAt : null;
    return {
      approvals: [...context.approvals, { step, round: e.round, by: e.by, onBehalfOf: e.onBehalfOf, at: e.at }],
      pending: next ? openStep(next, e.round, e.at, due) : null,
    };
  });

const onboarding = setup({
  types: { context: {} as OnboardingContext, events: {} as OnboardingEvent },
  guards: onboardingGuards,
  actions: {
    recordDraft: assign(({ event }: Args) => {
      const e = event.data as Ev<'ApplicationDrafted'>;
      return { applicationId: e.applicationId, applicantId: e.applicantId, form: e.form, identityKey: e.identityKey };
    }),
    recordAmendment: assign(({ event }: Args) => {
      const e = event.data as Ev<'ApplicationAmended'>;
      return { form: e.form, identityKey: e.identityKey };
    }),
    openRound: assign(({ event }: Args) => {
      const e = event.data as Ev<'ApplicationSubmitted'>;
      return { round: e.round, pending: openStep('sales', e.round, e.at, e.reminderDueAt) };
    }),
    recordSalesApproval: approve('sales', 'finance'),
    recordAdmission: assign(({ event }: Args) => {
      const e = event.data as Ev<'SalesReviewApproved'>;
      return { admission: { checkedBy: e.by, attestations: e.admission } };
    }),
    recordFinanceApproval: approve('finance', 'generalManager'),
    recordGeneralManagerApproval: approve('generalManager', null),
    assignStep: assign(({ context, event }: Args) => ({
      pending: context.pending && { ...context.pending, assignee: (event.data as Ev<'StepReassigned'>).to },
    })),
    markReminded: assign(({ context }: Args) => ({ pending: context.pending && { ...context.pending, reminded: true } })),
    closeStep: assign({ pending: null }),
  },
});

/** In draft and after a return for revision the applicant amends, (re)submits or withdraws. */
const editable = onboarding.createStateConfig({
  on: {
    ApplicationAmended: { guard: 'isApplicant', actions: 'recordAmendment' },
    ApplicationSubmitted: {
      target: '#onboarding.review',
      guard: and(['isApplicant', 'isNextRound', 'isCompleteAndValid']),
      actions: 'openRound',
    },
    ApplicationWithdrawn: { target: '#onboarding.withdrawn', guard: 'isApplicant' },
  },
});

/**
 * The account-opening approval (R-ONB-3): draft → review.sales → review.finance →
 * review.generalManager → approved. The stream is replayed through this machine with pure
 * transitions and every new event must pass `snapshot.can`, so the guards here are the rules.
 */
export const onboardingMachine = onboarding.createMachine({
  id: 'onboarding',
  initial: 'none',
  context: INITIAL_CONTEXT,
  states: {
    none: { on: { ApplicationDrafted: { target: 'draft', actions: 'recordDraft' }, ApplicationVoided: 'voided' } },
    draft: editable,
    returned: editable,
    review: {
      initial: 'sales',
      on: {
        ApplicationRejected: {
          target: 'rejected',
          guard: and(['isPendingStep', 'actsInStepRole', 'isNotInterestedParty', 'isAssigneeIfReassigned']),
          actions: 'closeStep',
        },
        ApplicationReturnedForRevision: {
          target: 'returned',
          guard: and(['isPendingStep', 'actsInStepRole', 'isNotInterestedParty', 'isAssigneeIfReassigned']),
          actions: 'closeStep',
        },
        ApplicationWithdrawn: { target: 'withdrawn', guard: 'isApplicant', actions: 'closeStep' },
        StepReassigned: { guard: 'isAdministratorReassigningToEligibleReviewer', actions: 'assignStep' },
        StepReminderSent: { guard: 'isFirstReminderOfPendingStep', actions: 'markReminded' },
      },
      states: {
        sales: {
          on: {
            SalesReviewApproved: {
              target: 'finance',
              guard: and([
                'isPendingStep', 'actsInStepRole', 'isNotInterestedParty', 'isAssigneeIfReassigned', 'hasNotApprovedAnotherStep',
                'salesAttestedAdmission',
              ]),
              actions: ['recordSalesApproval', 'recordAdmission'],
            },
          },
        },
        finance: {
          on: {
            FinanceReviewApproved: {
              target: 'generalManager',
              guard: and([
                'isPendingStep', 'actsInStepRole', 'isNotInterestedParty', 'isAssigneeIfReassigned', 'hasNotApprovedAnotherStep',
                'financeCheckedTaxAndInvoicing',
              ]),
              actions: 'recordFinanceApproval',
            },
          },
        },
        generalManager: {
          on: {
            GeneralManagerApproved: {
              target: '#onboarding.finalising',
              guard: and(['isPendingStep', 'actsInStepRole', 'isNotInterestedParty', 'isAssigneeIfReassigned', 'hasNotApprovedAnotherStep']),
              actions: 'recordGeneralManagerApproval',
            },
          },
        },
      },
    },
    /** Only passed through: the general manager's approval and ApplicationApproved are appended together. */
    finalising: { on: { ApplicationApproved: 'approved' } },
    approved: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    /** never drafted: the reservation it took was taken over (ONB-RESERVATION) */
    voided: { type: 'final' },
  },
});
