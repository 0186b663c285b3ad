import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { forumEventSchemas } from './forum.events';

/** What people read for the customer-forum workflow's events and states (the audit timeline, exports, the console). */
export const FORUM_VOCABULARY: WorkflowVocabulary<keyof typeof forumEventSchemas> = {
  title: { zh: '客户座谈会', en: 'Customer forum' },
  events: {
    ForumMinutesFiled: { zh: '归档座谈会纪要', en: 'Forum minutes filed' },
  },
  states: {
    none: { zh: '未举办', en: 'Not held' },
    filed: { zh: '纪要已归档', en: 'Minutes filed' },
  },
};
