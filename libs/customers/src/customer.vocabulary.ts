import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { customerEventSchemas } from './customer.events';

/** What people read for the customer workflow's events and states (the audit timeline, exports, the console). */
export const CUSTOMER_VOCABULARY: WorkflowVocabulary<keyof typeof customerEventSchemas> = {
  title: { zh: '客户档案', en: 'Customer archive' },
  events: {
    CustomerArchiveOpened: { zh: '建立客户档案', en: 'Archive opened' },
    CustomerInformationChanged: { zh: '变更档案信息', en: 'Archive information changed' },
    QualificationDocumentRenewed: { zh: '更新资质证照', en: 'Qualification document renewed' },
    DocumentExpiryWarned: { zh: '证照到期预警', en: 'Document expiry warning' },
    QualificationExpired: { zh: '证照过期', en: 'Qualification expired' },
    CustomerSuspended: { zh: '暂停供货', en: 'Customer suspended' },
    CustomerReinstated: { zh: '恢复供货', en: 'Customer reinstated' },
    PickupRecorded: { zh: '登记提货', en: 'Pickup recorded' },
    PickupCorrected: { zh: '更正提货', en: 'Pickup corrected' },
    PickupVoided: { zh: '作废提货', en: 'Pickup voided' },
    CustomerGradeChanged: { zh: '客户级别调整', en: 'Grade changed' },
    MonthEvaluated: { zh: '月度考核', en: 'Month evaluated' },
    MonthReevaluated: { zh: '月度重新考核', en: 'Month re-evaluated' },
    SalesPlanFiled: { zh: '报送销售计划', en: 'Sales plan filed' },
    AgencyLicenceIssued: { zh: '颁发代理授权', en: 'Agency licence issued' },
    AgencyLicenceExpired: { zh: '代理授权到期', en: 'Agency licence expired' },
    DisqualificationProposed: { zh: '提请取消资格', en: 'Disqualification proposed' },
    DisqualificationRejected: { zh: '不予取消资格', en: 'Disqualification rejected' },
    CustomerDisqualified: { zh: '取消客户资格', en: 'Customer disqualified' },
    ReceiptRecorded: { zh: '登记收款', en: 'Receipt recorded' },
    GradeMoveProposed: { zh: '提议级别调整', en: 'Grade move proposed' },
    GradeMoveHeld: { zh: '暂缓级别调整', en: 'Grade move held' },
    GradeMoveLapsed: { zh: '级别调整提议失效', en: 'Grade move lapsed' },
    RenewalProofFiled: { zh: '提交换证证明', en: 'Renewal proof filed' },
    RenewalProofApproved: { zh: '换证证明获批', en: 'Renewal proof approved' },
    RenewalProofRejected: { zh: '换证证明被驳回', en: 'Renewal proof rejected' },
    SalesPlanMissing: { zh: '未按期报送销售计划', en: 'Sales plan missing' },
  },
  states: {
    none: { zh: '未建档', en: 'No archive' },
    open: { zh: '正常', en: 'Open' },
    'open.active': { zh: '正常供货', en: 'Active' },
    'open.suspended': { zh: '暂停供货', en: 'Suspended' },
    disqualified: { zh: '已取消资格', en: 'Disqualified' },
  },
};
