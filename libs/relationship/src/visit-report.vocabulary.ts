import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { visitReportEventSchemas } from './visit-report.events';

/** What people read for the visit-report workflow's events and states (the audit timeline, exports, the console). */
export const VISIT_REPORT_VOCABULARY: WorkflowVocabulary<keyof typeof visitReportEventSchemas> = {
  title: { zh: '客户拜访记录', en: 'Visit report' },
  events: {
    VisitReportSubmitted: { zh: '提交拜访记录', en: 'Visit report submitted' },
    VisitFindingsAcknowledged: { zh: '确认拜访发现的问题', en: 'Findings acknowledged' },
  },
  states: {
    none: { zh: '未提交', en: 'Not submitted' },
    awaitingAcknowledgement: { zh: '问题待确认', en: 'Awaiting acknowledgement' },
    acknowledged: { zh: '问题已确认', en: 'Acknowledged' },
    filed: { zh: '已归档', en: 'Filed' },
  },
};
