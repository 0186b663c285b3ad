import type { Lang } from '../../i18n/i18n.context';

/** Each task type's name for the filter (the rows carry the API's own Chinese title). */
const ZH: Record<string, string> = {
  'onboarding.sales': '开户销售部审核', 'onboarding.finance': '开户财务审核', 'onboarding.generalManager': '开户总经理审批', 'onboarding.returned': '退回的开户申请',
  'complaint.classify': '投诉分类', 'complaint.draft-resolution': '拟定投诉处理意见', 'complaint.approve-resolution': '审批投诉处理意见', 'complaint.special-meeting': '严重投诉专题会议',
  'complaint.approve-extension': '投诉延期审批', 'complaint.notify-customer': '告知客户处理结果', 'complaint.close': '投诉结案',
  'consultation.answer': '答复客户咨询',
  'customer.disqualification': '取消客户资格', 'customer.document-renewal': '资质证件更换', 'customer.confirm-grade': '客户级别调整确认',
  'archive-check.respond': '答复档案检查', 'archive-check.close': '关闭档案检查', 'archive-filing.acknowledge': '确认档案备案',
  'development-plan.department-head': '开发计划部门主任审批', 'development-plan.managers-meeting': '开发计划经理办公会',
  'development-plan.assessment': '开发计划季度考核兑现',
  'visit-plan.approve': '走访计划审批', 'visit-report.acknowledge': '走访意见确认',
  'satisfaction-survey.review-report': '审阅满意度调查报告', 'satisfaction-survey.improvement-plan': '制定服务改进计划', 'satisfaction-survey.approve-plan': '审批服务改进计划',
  'customer-forum.approve-plan': '座谈会筹备计划审批', 'customer-forum.revise-plan': '修改座谈会筹备计划', 'customer-forum.file-minutes': '座谈会记录归档',
  'resource-allocation.approve': '资源量分配审批', 'resource-allocation.propose-again': '重新编制分配方案',
};
const EN: Record<string, string> = {
  'onboarding.sales': 'Onboarding: sales review', 'onboarding.finance': 'Onboarding: finance review', 'onboarding.generalManager': 'Onboarding: GM approval', 'onboarding.returned': 'Returned application',
  'complaint.classify': 'Classify complaint', 'complaint.draft-resolution': 'Draft resolution', 'complaint.approve-resolution': 'Approve resolution', 'complaint.special-meeting': 'Special meeting',
  'complaint.approve-extension': 'Approve extension', 'complaint.notify-customer': 'Tell the customer', 'complaint.close': 'Close complaint',
  'consultation.answer': 'Answer enquiry',
  'customer.disqualification': 'Disqualification', 'customer.document-renewal': 'Document renewal', 'customer.confirm-grade': 'Confirm grade change',
  'archive-check.respond': 'Answer archive check', 'archive-check.close': 'Close archive check', 'archive-filing.acknowledge': 'Acknowledge filing',
  'development-plan.department-head': 'Plan: department head', 'development-plan.managers-meeting': "Plan: managers' meeting",
  'development-plan.assessment': 'Plan: quarterly assessment',
  'visit-plan.approve': 'Visit plan approval', 'visit-report.acknowledge': 'Acknowledge findings',
  'satisfaction-survey.review-report': 'Review survey report', 'satisfaction-survey.improvement-plan': 'Improvement plan', 'satisfaction-survey.approve-plan': 'Approve improvement plan',
  'customer-forum.approve-plan': 'Forum plan approval', 'customer-forum.revise-plan': 'Revise forum plan', 'customer-forum.file-minutes': 'File forum minutes',
  'resource-allocation.approve': 'Allocation approval', 'resource-allocation.propose-again': 'Propose allocation again',
};

export const taskTypeTitles = (lang: Lang): Record<string, string> => (lang === 'en' ? EN : ZH);
