import { Role } from '@crm/workflow-kit';
import { z } from 'zod';
import { AllocationClass } from './allocation';
import { ReviewMeeting, ReviewOutcome, ReviewPeriod } from './customer-review.shapes';

const Text = z.string().max(2000);
const Acted = { by: z.string().min(1).max(100), role: Role, at: z.iso.datetime({ offset: true }) };

/** One customer as the review found it: the suggestion comes from the period's figures, with its evidence. */
export const ReviewEntry = z.object({
  customerId: z.string().min(1).max(100), salesObject: AllocationClass, suggested: ReviewOutcome, evidence: Text,
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const CustomerReviewOpened = z.object({ period: ReviewPeriod, productLine: z.string().min(1).max(64), meeting: ReviewMeeting, entries: z.array(ReviewEntry).max(5000), ...Acted });
export const ReviewOutcomeRecorded = z.object({ customerId: z.string().min(1).max(100), outcome: ReviewOutcome, suggested: ReviewOutcome, reason: Text, ...Acted });
/** R-EVAL-2: the results on record, reported to the meeting the policy names. */
export const CustomerReviewConcluded = z.object({
  period: ReviewPeriod, productLine: z.string().min(1).max(64), meeting: ReviewMeeting,
  outcomes: z.array(z.object({ customerId: z.string().min(1).max(100), outcome: ReviewOutcome, adopted: z.boolean() })).max(5000),
  note: Text.nullable(), notify: z.array(z.string()).max(10), ...Acted,
});

export const customerReviewEventSchemas = { CustomerReviewOpened, ReviewOutcomeRecorded, CustomerReviewConcluded } as const;
type Schemas = typeof customerReviewEventSchemas;
export type CustomerReviewEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
