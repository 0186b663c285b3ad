import type { CustomerReviewEvent, ReviewEntry } from './customer-review.events';
import type { ReviewMeeting, ReviewOutcome } from './customer-review.shapes';

export interface CustomerReviewContext {
  period: string | null;
  productLine: string | null;
  meeting: ReviewMeeting | null;
  entries: ReviewEntry[];
  /** outcomes the reviewers recorded, by customer; the others adopt the suggestion at the conclusion */
  recorded: Record<string, ReviewOutcome>;
  /** the results on record once concluded */
  outcomes: Record<string, ReviewOutcome>;
}

export const INITIAL_CUSTOMER_REVIEW_CONTEXT: CustomerReviewContext = { period: null, productLine: null, meeting: null, entries: [], recorded: {}, outcomes: {} };

export function evolveCustomerReview(context: CustomerReviewContext, event: CustomerReviewEvent): CustomerReviewContext {
  switch (event.type) {
    case 'CustomerReviewOpened':
      return { ...context, period: event.data.period, productLine: event.data.productLine, meeting: event.data.meeting, entries: event.data.entries };
    case 'ReviewOutcomeRecorded':
      return { ...context, recorded: { ...context.recorded, [event.data.customerId]: event.data.outcome } };
    case 'CustomerReviewConcluded':
      return { ...context, outcomes: Object.fromEntries(event.data.outcomes.map((o) => [o.customerId, o.outcome])) };
  }
}

/** What the conclusion records: the reviewers' outcome where they recorded one, the suggestion adopted elsewhere. */
export const concludedOutcomes = (context: CustomerReviewContext) =>
  context.entries.map((e) => ({ customerId: e.customerId, outcome: context.recorded[e.customerId] ?? e.suggested, adopted: context.recorded[e.customerId] === undefined }));
