import type { TaskDeclaration } from '@crm/workflow-kit';
import { LEADER_ROLES } from './relationship.rules';
import type { VisitReportContext } from './visit-report.context';

/** R-VISIT-3 (将客户的意见及时反馈给主管领导和相关部门): the responsible leader acknowledges a visit's findings. */
export const visitReportTasks: readonly TaskDeclaration<VisitReportContext>[] = [
  {
    type: 'visit-report.acknowledge',
    title: '客户走访意见待主管领导确认',
    step: 'acknowledge',
    states: ['awaitingAcknowledgement'],
    holders: () => ({ roles: [...LEADER_ROLES], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['AcknowledgeVisitFindings'],
    dueWorkingDays: null,
    reminders: { version: 'visit-tasks-2026-12', remindAfterWorkingDays: 2, escalateAfterWorkingDays: null, escalateTo: null },
    subject: (s) => ({ customerId: s.context.customerId, name: null }),
    link: (id) => ({ console: '/#/visits', api: `/visit-reports/${encodeURIComponent(id)}` }),
    sampleData: () => ({}),
  },
];
