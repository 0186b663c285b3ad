import type { TaskDeclaration } from '@crm/workflow-kit';
import { LEADERSHIP_ROLES, ORGANISER_ROLES } from './relationship.rules';
import type { SurveyContext } from './survey.context';

const link = (id: string) => ({ console: `/#/surveys/${encodeURIComponent(id)}`, api: `/satisfaction-surveys/${encodeURIComponent(id)}` });
const subject = () => ({ customerId: null, name: null });
const VERSION = 'survey-tasks-2026-12';

/**
 * R-SURV-1 (应编写调查报告，提交公司领导审阅; 制定服务改进方案，提交公司领导审阅): an issued report waits
 * for the leadership's review; once reviewed, the organiser owes the improvement plan; a submitted
 * plan waits for the general manager.
 */
export const surveyTasks: readonly TaskDeclaration<SurveyContext>[] = [
  {
    type: 'satisfaction-survey.review-report',
    title: '满意度调查报告待公司领导审阅',
    step: 'review-report',
    states: ['reportInReview'],
    holders: () => ({ roles: [...LEADERSHIP_ROLES], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['ReviewSurveyReport'],
    dueWorkingDays: null,
    reminders: { version: VERSION, remindAfterWorkingDays: 3, escalateAfterWorkingDays: null, escalateTo: null },
    subject,
    link,
    sampleData: () => ({}),
  },
  {
    type: 'satisfaction-survey.improvement-plan',
    title: '满意度调查待制定服务改进计划',
    step: 'improvement-plan',
    states: ['reported'],
    holders: () => ({ roles: [...ORGANISER_ROLES], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['SubmitImprovementPlan'],
    dueWorkingDays: 10,
    reminders: { version: VERSION, remindAfterWorkingDays: 5, escalateAfterWorkingDays: 10, escalateTo: 'general_manager' },
    subject,
    link,
    sampleData: () => ({ measures: ['提高响应速度'] }),
  },
  {
    type: 'satisfaction-survey.approve-plan',
    title: '服务改进计划待总经理审批',
    step: 'approve-plan',
    states: ['planSubmitted'],
    holders: () => ({ roles: [...LEADERSHIP_ROLES], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['ApproveImprovementPlan', 'ReturnImprovementPlan'],
    dueWorkingDays: null,
    reminders: { version: VERSION, remindAfterWorkingDays: 3, escalateAfterWorkingDays: null, escalateTo: null },
    subject,
    link,
    sampleData: (commandType) => (commandType === 'ApproveImprovementPlan' ? {} : { reason: '请补充措施' }),
  },
];
