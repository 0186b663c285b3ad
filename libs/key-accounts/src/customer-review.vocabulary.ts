import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { customerReviewEventSchemas } from './customer-review.events';

/** What people read for the customer-review workflow's events and states (the audit timeline, exports, the console). */
export const CUSTOMER_REVIEW_VOCABULARY: WorkflowVocabulary<keyof typeof customerReviewEventSchemas> = {
  title: { zh: '客户定期评审', en: 'Periodic customer review' },
  events: {
    CustomerReviewOpened: { zh: '开始定期评审', en: 'Review opened' },
    ReviewOutcomeRecorded: { zh: '登记评审结果', en: 'Outcome recorded' },
    CustomerReviewConcluded: { zh: '评审结束', en: 'Review concluded' },
  },
  states: {
    none: { zh: '未开始', en: 'Not opened' },
    open: { zh: '评审中', en: 'Open' },
    concluded: { zh: '已结束', en: 'Concluded' },
  },
};
