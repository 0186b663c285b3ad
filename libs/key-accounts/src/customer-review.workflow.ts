import type { WorkflowDefinition } from '@crm/workflow-kit';
import { customerReviewCommandSchemas, type CustomerReviewCommand } from './customer-review.commands';
import type { CustomerReviewContext } from './customer-review.context';
import { decideCustomerReview } from './customer-review.decider';
import { customerReviewEventSchemas, type CustomerReviewEvent } from './customer-review.events';
import { customerReviewMachine } from './customer-review.machine';
import { customerReviewTasks } from './customer-review.tasks';
import { CUSTOMER_REVIEW_VOCABULARY } from './customer-review.vocabulary';

/** One stream per product line and period, `periodic-review-<productLine>.<period>` (R-EVAL-2). */
export const customerReviewWorkflow: WorkflowDefinition<CustomerReviewCommand, CustomerReviewEvent, CustomerReviewContext, void> = {
  name: 'customer-review',
  version: '1',
  // not 'customer-…': every customer-<id> stream is a customer's archive
  streamPrefix: 'periodic-review',
  machine: customerReviewMachine,
  commandSchemas: customerReviewCommandSchemas,
  eventSchemas: customerReviewEventSchemas,
  vocabulary: CUSTOMER_REVIEW_VOCABULARY,
  creationCommands: ['OpenCustomerReview'],
  decide: (command, state) => decideCustomerReview(command, state),
  tasks: customerReviewTasks,
};
