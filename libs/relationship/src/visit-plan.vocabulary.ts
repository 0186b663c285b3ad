import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { visitPlanEventSchemas } from './visit-plan.events';

/** What people read for the visit-plan workflow's events and states (the audit timeline, exports, the console). */
export const VISIT_PLAN_VOCABULARY: WorkflowVocabulary<keyof typeof visitPlanEventSchemas> = {
  title: { zh: '客户拜访计划', en: 'Visit plan' },
  events: {
    VisitPlanDrafted: { zh: '编制拜访计划', en: 'Visit plan drafted' },
    VisitPlanRevised: { zh: '修改拜访计划', en: 'Visit plan revised' },
    VisitPlanSubmitted: { zh: '提交拜访计划', en: 'Visit plan submitted' },
    VisitPlanApproved: { zh: '拜访计划获批', en: 'Visit plan approved' },
    VisitPlanReturned: { zh: '退回拜访计划', en: 'Visit plan returned' },
  },
  states: {
    none: { zh: '未编制', en: 'Not drafted' },
    drafting: { zh: '编制中', en: 'Drafting' },
    submitted: { zh: '待审批', en: 'Submitted' },
    approved: { zh: '已批准', en: 'Approved' },
  },
};
