import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { forumEventSchemas } from './forum.events';

/** What people read for the customer-forum workflow's events and states (the audit timeline, exports, the console). */
export const FORUM_VOCABULARY: WorkflowVocabulary<keyof typeof forumEventSchemas> = {
  title: { zh: '客户座谈会', en: 'Customer forum' },
  events: {
    ForumPlanSubmitted: { zh: '提交座谈会筹备计划', en: 'Preparation plan submitted' },
    ForumPlanApproved: { zh: '筹备计划获批', en: 'Preparation plan approved' },
    ForumPlanReturned: { zh: '退回筹备计划', en: 'Preparation plan returned' },
    ForumMinutesFiled: { zh: '归档座谈会纪要', en: 'Forum minutes filed' },
  },
  states: {
    none: { zh: '未筹备', en: 'Not planned' },
    planSubmitted: { zh: '筹备计划待批', en: 'Plan awaiting approval' },
    planReturned: { zh: '筹备计划已退回', en: 'Plan returned' },
    planApproved: { zh: '筹备计划已批准', en: 'Plan approved' },
    filed: { zh: '纪要已归档', en: 'Minutes filed' },
  },
};
