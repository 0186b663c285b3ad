import { type Command, freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { ReviewEntry } from './customer-review.events';
import { ReviewOutcome, ReviewPeriod } from './customer-review.shapes';

/** The app computes the entries from the period's figures (volume, grade moves, warnings) before the command. */
export const OpenCustomerReview = z.object({ period: ReviewPeriod, productLine: z.string().min(1).max(64), entries: z.array(ReviewEntry).max(5000) });
export const RecordReviewOutcome = z.object({ customerId: freeText(100), outcome: ReviewOutcome, reason: freeText(2000) });
export const ConcludeCustomerReview = z.object({ note: optionalText(2000).nullable().default(null) });

export const customerReviewCommandSchemas = { OpenCustomerReview, RecordReviewOutcome, ConcludeCustomerReview } as const;
type Schemas = typeof customerReviewCommandSchemas;
export type CustomerReviewCommand = { [K in keyof Schemas]: Command<K, z.infer<Schemas[K]>> }[keyof Schemas];
