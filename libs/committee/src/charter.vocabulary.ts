import type { WorkflowVocabulary } from '@crm/workflow-kit';

/** What people read for the committee-charter workflow's events and states (the audit timeline, exports, the console). */
export const CHARTER_VOCABULARY: WorkflowVocabulary<'CommitteeCharterPublished'> = {
  title: { zh: '价格及客户管理委员会章程', en: 'Committee charter' },
  events: {
    CommitteeCharterPublished: { zh: '发布委员会章程', en: 'Charter published' },
  },
  states: {
    none: { zh: '未建立', en: 'Not started' },
    kept: { zh: '在用', en: 'Kept' },
  },
};
