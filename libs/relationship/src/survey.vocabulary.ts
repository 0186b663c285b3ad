import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { surveyEventSchemas } from './survey.events';

/** What people read for the satisfaction-survey workflow's events and states (the audit timeline, exports, the console). */
export const SURVEY_VOCABULARY: WorkflowVocabulary<keyof typeof surveyEventSchemas> = {
  title: { zh: '客户满意度调查', en: 'Satisfaction survey' },
  events: {
    SurveyCampaignOpened: { zh: '发起满意度调查', en: 'Survey opened' },
    SurveyResponseRecorded: { zh: '登记调查问卷', en: 'Response recorded' },
    SurveyReportIssued: { zh: '出具调查报告', en: 'Report issued' },
    ImprovementPlanSubmitted: { zh: '提交改进方案', en: 'Improvement plan submitted' },
    ImprovementPlanApproved: { zh: '改进方案获批', en: 'Improvement plan approved' },
    ImprovementPlanReturned: { zh: '退回改进方案', en: 'Improvement plan returned' },
  },
  states: {
    none: { zh: '未发起', en: 'Not opened' },
    collecting: { zh: '收集问卷中', en: 'Collecting responses' },
    reported: { zh: '已出具报告', en: 'Reported' },
    planSubmitted: { zh: '改进方案待批', en: 'Plan awaiting approval' },
    planApproved: { zh: '改进方案已批准', en: 'Plan approved' },
  },
};
