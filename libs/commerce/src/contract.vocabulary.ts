import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { contractEventSchemas } from './contract.events';

/** What people read for the sales-contract workflow's events and states (the audit timeline, exports, the console). */
export const CONTRACT_VOCABULARY: WorkflowVocabulary<keyof typeof contractEventSchemas> = {
  title: { zh: '销售合同', en: 'Sales contract' },
  events: {
    ContractDrafted: { zh: '起草合同', en: 'Contract drafted' },
    ContractApproved: { zh: '合同审批通过', en: 'Contract approved' },
    ContractSigned: { zh: '签订合同', en: 'Contract signed' },
    ContractExpiryWarned: { zh: '合同到期预警', en: 'Contract expiry warning' },
    ContractExpired: { zh: '合同到期', en: 'Contract expired' },
    ContractTerminated: { zh: '终止合同', en: 'Contract terminated' },
  },
  states: {
    none: { zh: '未起草', en: 'Not drafted' },
    drafted: { zh: '待审批', en: 'Drafted' },
    approved: { zh: '待签订', en: 'Approved' },
    inForce: { zh: '履行中', en: 'In force' },
    expired: { zh: '已到期', en: 'Expired' },
    terminated: { zh: '已终止', en: 'Terminated' },
  },
};
