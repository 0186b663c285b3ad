import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { archiveFilingEventSchemas } from './archive-filing.events';

/** What people read for the archive-filing workflow's events and states (R-ARC-3 备案). */
export const ARCHIVE_FILING_VOCABULARY: WorkflowVocabulary<keyof typeof archiveFilingEventSchemas> = {
  title: { zh: '客户资料备案', en: 'Archive filing' },
  events: {
    ArchiveFilingOpened: { zh: '报化工品销售部备案', en: 'Filed with the parent\'s chemicals sales department' },
    ArchiveFilingAcknowledged: { zh: '备案已签收', en: 'Filing acknowledged' },
  },
  states: {
    none: { zh: '未备案', en: 'Not filed' },
    open: { zh: '备案中', en: 'Filings open' },
  },
};
