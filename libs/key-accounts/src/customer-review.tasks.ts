import type { TaskDeclaration } from '@crm/workflow-kit';
import type { CustomerReviewContext } from './customer-review.context';

/** R-EVAL-2: an open review waits on the sales department to record its outcomes and conclude it. */
export const customerReviewTasks: readonly TaskDeclaration<CustomerReviewContext>[] = [
  {
    type: 'customer-review.conclude',
    title: '客户评审待记录结果并汇报',
    step: 'conclude',
    states: ['open'],
    holders: () => ({ roles: ['sales_reviewer'], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['RecordReviewOutcome', 'ConcludeCustomerReview'],
    dueWorkingDays: 10,
    reminders: { version: 'customer-review-tasks-2026-12', remindAfterWorkingDays: 5, escalateAfterWorkingDays: null, escalateTo: null },
    subject: () => ({ customerId: null, name: null }),
    link: (id) => ({ console: `/#/customer-reviews/${id.split('.')[0]}/${id.split('.').slice(1).join('.')}`, api: `/customer-reviews/${id.split('.')[0]}/${id.split('.').slice(1).join('.')}` }),
    sampleData: (commandType, s) => (commandType === 'ConcludeCustomerReview' ? { note: null } : { customerId: s.context.entries[0]?.customerId ?? 'x', outcome: 'keep', reason: '维持' }),
  },
];
