import type { TaskDeclaration } from '@crm/workflow-kit';
import { PLAN_APPROVER_ROLES } from './relationship.rules';
import type { VisitPlanContext } from './visit-plan.context';

/** R-VISIT-1: the sales department decides on a submitted annual visit plan; VISIT-SELF: never its owner. */
export const visitPlanTasks: readonly TaskDeclaration<VisitPlanContext>[] = [
  {
    type: 'visit-plan.approve',
    title: '年度走访计划待销售部审批',
    step: 'approve',
    states: ['submitted'],
    holders: (s) => ({ roles: [...PLAN_APPROVER_ROLES], assignee: null, excluded: s.context.managerId ? [s.context.managerId] : [] }),
    delegable: true,
    commands: ['ApproveVisitPlan', 'ReturnVisitPlan'],
    dueWorkingDays: null,
    reminders: { version: 'visit-tasks-2026-12', remindAfterWorkingDays: 3, escalateAfterWorkingDays: 5, escalateTo: 'supervisor' },
    subject: () => ({ customerId: null, name: null }),
    link: (id) => ({ console: '/#/visits', api: `/visit-plans/${encodeURIComponent(id)}` }),
    sampleData: (commandType) => (commandType === 'ApproveVisitPlan' ? {} : { reason: '请调整走访安排' }),
  },
];
