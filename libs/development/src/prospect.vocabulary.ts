import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { prospectEventSchemas } from './prospect.events';

/** What people read for the prospect workflow's events and states (the audit timeline, exports, the console). */
export const PROSPECT_VOCABULARY: WorkflowVocabulary<keyof typeof prospectEventSchemas> = {
  title: { zh: '潜在客户', en: 'Prospect' },
  events: {
    ProspectRegistered: { zh: '登记潜在客户', en: 'Prospect registered' },
    ProspectUpdated: { zh: '更新潜在客户', en: 'Prospect updated' },
    ProspectConverted: { zh: '转为正式客户', en: 'Prospect converted' },
    ProspectDropped: { zh: '放弃开发', en: 'Prospect dropped' },
  },
  states: {
    none: { zh: '未登记', en: 'Not registered' },
    active: { zh: '开发中', en: 'Active' },
    converted: { zh: '已转化', en: 'Converted' },
    dropped: { zh: '已放弃', en: 'Dropped' },
  },
};
