import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { archiveCheckEventSchemas } from './archive-check.events';

/** What people read for the archive-check workflow's events and states (R-ARC-3 定期检查). */
export const ARCHIVE_CHECK_VOCABULARY: WorkflowVocabulary<keyof typeof archiveCheckEventSchemas> = {
  title: { zh: '客户档案检查', en: 'Archive check' },
  events: {
    ArchiveCheckRecorded: { zh: '登记检查结果', en: 'Check recorded' },
    ArchiveCheckResponded: { zh: '销售部整改答复', en: 'Sales department responded' },
    ArchiveCheckClosed: { zh: '检查关闭', en: 'Check closed' },
  },
  states: {
    none: { zh: '未检查', en: 'Not checked' },
    recorded: { zh: '已登记', en: 'Recorded' },
    awaitingResponse: { zh: '待销售部答复', en: 'Awaiting the response' },
    responded: { zh: '已答复待关闭', en: 'Responded' },
    closed: { zh: '已关闭', en: 'Closed' },
  },
};
