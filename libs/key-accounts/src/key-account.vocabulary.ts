import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { keyAccountEventSchemas } from './key-account.events';

/** What people read for the key-account workflow's events and states (the audit timeline, exports, the console). */
export const KEY_ACCOUNT_VOCABULARY: WorkflowVocabulary<keyof typeof keyAccountEventSchemas> = {
  title: { zh: '大客户管理', en: 'Key account' },
  events: {
    KeyAccountWarningRaised: { zh: '提货下滑预警', en: 'Decline warning raised' },
    KeyAccountWarningCleared: { zh: '解除下滑预警', en: 'Decline warning cleared' },
    LoyaltyLevelChanged: { zh: '忠诚度等级变化', en: 'Loyalty level changed' },
  },
  states: {
    none: { zh: '未跟踪', en: 'Not tracked' },
    tracked: { zh: '跟踪中', en: 'Tracked' },
    'tracked.normal': { zh: '正常', en: 'Normal' },
    'tracked.warned': { zh: '下滑预警中', en: 'Warned' },
  },
};
