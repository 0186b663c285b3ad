import { assign, setup } from 'xstate';
import { concludedOutcomes, evolveCustomerReview, INITIAL_CUSTOMER_REVIEW_CONTEXT, type CustomerReviewContext } from './customer-review.context';
import type { CustomerReviewEvent } from './customer-review.events';
import { meetingFor } from './customer-review.shapes';

type Args = { context: CustomerReviewContext; event: CustomerReviewEvent };

/** R-EVAL-2 as the machine holds it: one entry per customer, outcomes for reviewed customers only, the results reported to the policy's meeting. */
export const customerReviewGuards = {
  reportsToItsMeeting: ({ event }: Args) =>
    event.type === 'CustomerReviewOpened' && event.data.meeting === meetingFor(event.data.period) && new Set(event.data.entries.map((e) => e.customerId)).size === event.data.entries.length,
  isUnderReview: ({ context, event }: Args) => event.type === 'ReviewOutcomeRecorded' && context.entries.some((e) => e.customerId === event.data.customerId),
  recordsWhatWasDecided: ({ context, event }: Args) => event.type === 'CustomerReviewConcluded' && event.data.meeting === context.meeting && sameOutcomes(event.data.outcomes, concludedOutcomes(context)),
};

type Outcomes = ReturnType<typeof concludedOutcomes>;
/** field by field: a stored event's keys may come back in another order (PostgreSQL's jsonb) */
const sameOutcomes = (a: Outcomes, b: Outcomes) =>
  a.length === b.length && a.every((o, i) => o.customerId === b[i].customerId && o.outcome === b[i].outcome && o.adopted === b[i].adopted);

/** `periodic-review-<productLine>.<period>`: a product line's quarterly, half-yearly or yearly customer review. */
export const customerReviewMachine = setup({
  types: { context: {} as CustomerReviewContext, events: {} as CustomerReviewEvent },
  guards: customerReviewGuards,
  actions: { evolve: assign(({ context, event }) => evolveCustomerReview(context, event)) },
}).createMachine({
  id: 'customer-review',
  initial: 'none',
  context: INITIAL_CUSTOMER_REVIEW_CONTEXT,
  states: {
    none: { on: { CustomerReviewOpened: { guard: 'reportsToItsMeeting', target: 'open', actions: 'evolve' } } },
    open: {
      on: {
        ReviewOutcomeRecorded: { guard: 'isUnderReview', actions: 'evolve' },
        CustomerReviewConcluded: { guard: 'recordsWhatWasDecided', target: 'concluded', actions: 'evolve' },
      },
    },
    concluded: { type: 'final' },
  },
});
