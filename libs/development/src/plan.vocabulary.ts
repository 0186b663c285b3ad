import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { planEventSchemas } from './plan.events';

/** What people read for the development-plan workflow's events and states (the audit timeline, exports, the console). */
export const DEVELOPMENT_PLAN_VOCABULARY: WorkflowVocabulary<keyof typeof planEventSchemas> = {
  title: { zh: '客户开发计划', en: 'Development plan' },
  events: {
    DevelopmentPlanDrafted: { zh: '编制开发计划', en: 'Plan drafted' },
    DevelopmentPlanRevised: { zh: '修改开发计划', en: 'Plan revised' },
    DevelopmentPlanSubmitted: { zh: '提交开发计划', en: 'Plan submitted' },
    DevelopmentPlanApprovedByDepartmentHead: { zh: '部门负责人审核通过', en: 'Approved by the department head' },
    DevelopmentPlanApprovedByManagersMeeting: { zh: '经理办公会审议通过', en: 'Approved by the managers\' meeting' },
    DevelopmentPlanReturned: { zh: '退回开发计划', en: 'Plan returned' },
    DevelopmentPlanRejected: { zh: '否决开发计划', en: 'Plan rejected' },
    DevelopmentProgressRecorded: { zh: '登记开发进展', en: 'Progress recorded' },
    DevelopmentMonthlyReportSubmitted: { zh: '报送月度完成情况', en: 'Monthly report submitted' },
    DevelopmentTargetConverted: { zh: '开发目标转为客户', en: 'Target converted' },
    DevelopmentAssessmentOpened: { zh: '开始季度考核', en: 'Quarter assessment opened' },
    CustomerManagerAssessed: { zh: '客户经理考核兑现', en: 'Customer manager assessed' },
    DevelopmentAssessmentCompleted: { zh: '季度考核完成', en: 'Quarter assessment completed' },
    DevelopmentPlanDeadlinePassed: { zh: '开发计划到期', en: 'Plan deadline passed' },
  },
  states: {
    none: { zh: '未编制', en: 'Not drafted' },
    draft: { zh: '草稿', en: 'Draft' },
    review: { zh: '审核中', en: 'Under review' },
    'review.departmentHead': { zh: '待部门负责人审核', en: 'Awaiting the department head' },
    'review.managersMeeting': { zh: '待经理办公会审议', en: 'Awaiting the managers\' meeting' },
    approved: { zh: '执行中', en: 'Approved' },
    rejected: { zh: '已否决', en: 'Rejected' },
    assessment: { zh: '季度考核中', en: 'Quarter assessment' },
    assessed: { zh: '已考核', en: 'Assessed' },
    concluded: { zh: '已结束', en: 'Concluded' },
  },
};
