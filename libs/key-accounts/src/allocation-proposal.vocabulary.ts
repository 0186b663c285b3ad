import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { allocationEventSchemas } from './allocation-proposal.events';

/** What people read for the resource-allocation workflow's events and states (the audit timeline, exports, the console). */
export const ALLOCATION_VOCABULARY: WorkflowVocabulary<keyof typeof allocationEventSchemas> = {
  title: { zh: '资源分配方案', en: 'Resource allocation' },
  events: {
    AllocationProposed: { zh: '提出分配方案', en: 'Allocation proposed' },
    AllocationAdjusted: { zh: '调整分配方案', en: 'Allocation adjusted' },
    AllocationApproved: { zh: '分配方案获批', en: 'Allocation approved' },
    AllocationReturned: { zh: '退回分配方案', en: 'Allocation returned' },
  },
  states: {
    none: { zh: '未提出', en: 'Not proposed' },
    draft: { zh: '待审批', en: 'Awaiting approval' },
    returned: { zh: '已退回', en: 'Returned' },
    approved: { zh: '已批准', en: 'Approved' },
  },
};
