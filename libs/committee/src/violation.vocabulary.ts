import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { violationEventSchemas } from './violation.events';

/** What people read for the violation-case workflow's events and states (the audit timeline, exports, the console). */
export const VIOLATION_VOCABULARY: WorkflowVocabulary<keyof typeof violationEventSchemas> = {
  title: { zh: '违规处理', en: 'Violation case' },
  events: {
    ViolationCaseOpened: { zh: '立案', en: 'Case opened' },
    ViolationCaseDecided: { zh: '作出处理决定', en: 'Case decided' },
  },
  states: {
    none: { zh: '未立案', en: 'Not opened' },
    open: { zh: '处理中', en: 'Open' },
    decided: { zh: '已决定', en: 'Decided' },
  },
};
