import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { onboardingEventSchemas } from './onboarding.events';

/** What people read for the onboarding workflow's events and states (the audit timeline, exports, the console). */
export const ONBOARDING_VOCABULARY: WorkflowVocabulary<keyof typeof onboardingEventSchemas> = {
  title: { zh: '客户准入申请', en: 'Onboarding application' },
  events: {
    ApplicationDrafted: { zh: '创建申请草稿', en: 'Application drafted' },
    ApplicationAmended: { zh: '修改申请', en: 'Application amended' },
    ApplicationSubmitted: { zh: '提交申请', en: 'Application submitted' },
    ApplicationWithdrawn: { zh: '撤回申请', en: 'Application withdrawn' },
    SalesReviewApproved: { zh: '销售部审核通过', en: 'Sales review approved' },
    FinanceReviewApproved: { zh: '财务部审核通过', en: 'Finance review approved' },
    GeneralManagerApproved: { zh: '总经理审批通过', en: 'General manager approved' },
    ApplicationApproved: { zh: '准入申请批准', en: 'Application approved' },
    ApplicationRejected: { zh: '驳回申请', en: 'Application rejected' },
    ApplicationReturnedForRevision: { zh: '退回修改', en: 'Returned for revision' },
    StepReassigned: { zh: '审批步骤转办', en: 'Step reassigned' },
    StepReminderSent: { zh: '发送审批提醒', en: 'Step reminder sent' },
    ApplicationVoided: { zh: '作废申请', en: 'Application voided' },
  },
  states: {
    none: { zh: '未创建', en: 'Not started' },
    draft: { zh: '草稿', en: 'Draft' },
    returned: { zh: '已退回修改', en: 'Returned for revision' },
    review: { zh: '审批中', en: 'Under review' },
    'review.sales': { zh: '待销售部审核', en: 'Awaiting sales review' },
    'review.finance': { zh: '待财务部审核', en: 'Awaiting finance review' },
    'review.generalManager': { zh: '待总经理审批', en: 'Awaiting the general manager' },
    finalising: { zh: '建档中', en: 'Opening the archive' },
    approved: { zh: '已批准', en: 'Approved' },
    rejected: { zh: '已驳回', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    voided: { zh: '已作废', en: 'Voided' },
  },
};
