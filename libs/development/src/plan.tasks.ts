import type { TaskDeclaration, TaskReminderPolicy } from '@crm/workflow-kit';
import type { PlanContext } from './plan.context';
import { ASSESSOR_ROLE, DEPARTMENT_HEAD_ROLE, MEETING_CHAIR_ROLE } from './development.rules';
import { managersYetToAssess } from './plan.completion';

/**
 * 第七条: 交由企业发展部主任审批,最后由部门主任上交经理办公会审批 — the department head, then the
 * managers' meeting the general manager chairs. The policy gives no time; a plan waits at most a
 * quarter, so the head is reminded after three idle days and the general manager told after five.
 */
const REMINDERS: TaskReminderPolicy = { version: 'development-tasks-2026-12', remindAfterWorkingDays: 3, escalateAfterWorkingDays: 5, escalateTo: 'general_manager' };
const link = (id: string) => ({ console: `/#/development/${encodeURIComponent(id)}`, api: `/development-plans/${encodeURIComponent(id)}` });
const subject = () => ({ customerId: null, name: null });

export const planTasks: readonly TaskDeclaration<PlanContext>[] = [
  {
    type: 'development-plan.department-head',
    title: '客户开发计划待部门主任审批',
    step: 'departmentHead',
    states: ['review.departmentHead'],
    // DEV-SELF: nobody who drafted or revised the plan approves it
    holders: (s) => ({ roles: [DEPARTMENT_HEAD_ROLE], assignee: null, excluded: s.context.authors }),
    delegable: true,
    commands: ['ApproveAsDepartmentHead', 'ReturnDevelopmentPlan', 'RejectDevelopmentPlan'],
    dueWorkingDays: null,
    reminders: REMINDERS,
    subject,
    link,
    sampleData: (commandType) => (commandType === 'ApproveAsDepartmentHead' ? {} : { reason: '请修改' }),
  },
  {
    type: 'development-plan.managers-meeting',
    title: '客户开发计划待经理办公会审批',
    step: 'managersMeeting',
    states: ['review.managersMeeting'],
    holders: (s) => ({ roles: [MEETING_CHAIR_ROLE], assignee: null, excluded: s.context.authors }),
    delegable: true,
    commands: ['RecordManagersMeetingApproval', 'ReturnDevelopmentPlan', 'RejectDevelopmentPlan'],
    dueWorkingDays: null,
    reminders: { ...REMINDERS, escalateAfterWorkingDays: null, escalateTo: null },
    subject,
    link,
    sampleData: (commandType) => (commandType === 'RecordManagersMeetingApproval' ? { minutes: '经理办公会纪要', heldAt: '2026-01-01T00:00:00.000Z' } : { reason: '请修改' }),
  },
  {
    // R-DEV-2 销售部…根据完成情况进行考核兑现: one task per manager the targets were split to, at quarter end
    type: 'development-plan.assessment',
    title: '客户开发计划季度考核兑现',
    step: 'assessment',
    states: ['assessment'],
    keysOf: (s) => managersYetToAssess(s.context),
    // nobody assesses their own completion
    holders: (_s, manager) => ({ roles: [ASSESSOR_ROLE], assignee: null, excluded: [manager] }),
    delegable: true,
    commands: ['AssessCustomerManager'],
    dueWorkingDays: 10,
    reminders: { ...REMINDERS, escalateTo: 'supervisor' },
    subject,
    link,
    sampleData: (commandType, _s, _actor, manager) => (commandType === 'AssessCustomerManager' ? { customerManagerId: manager, result: 'met', comment: '完成季度目标', payoutYuan: null } : null),
  },
];
