import type { TaskDeclaration } from '@crm/workflow-kit';
import { LEADER_ROLES, MINUTE_KEEPER_ROLES, ORGANISER_ROLES } from './relationship.rules';
import type { ForumContext } from './forum.context';

const link = (id: string) => ({ console: `/#/forums/${encodeURIComponent(id)}`, api: `/customer-forums/${encodeURIComponent(id)}` });
const subject = () => ({ customerId: null, name: null });
const VERSION = 'forum-tasks-2026-12';

/**
 * R-FORUM-1 (编制客户座谈会筹备计划并组织实施 … 做好客户座谈会记录): a submitted plan waits on the
 * responsible leader (not its submitter, FORUM-SELF); a returned one on the sales department; an
 * approved one owes its minutes once the forum is held.
 */
export const forumTasks: readonly TaskDeclaration<ForumContext>[] = [
  {
    type: 'customer-forum.approve-plan',
    title: '客户座谈会筹备计划待主管领导审批',
    step: 'approve-plan',
    states: ['planSubmitted'],
    holders: (s) => ({ roles: [...LEADER_ROLES], assignee: null, excluded: s.context.submittedBy ? [s.context.submittedBy] : [] }),
    delegable: true,
    commands: ['ApproveForumPlan', 'ReturnForumPlan'],
    dueWorkingDays: null,
    reminders: { version: VERSION, remindAfterWorkingDays: 2, escalateAfterWorkingDays: 5, escalateTo: 'general_manager' },
    subject,
    link,
    sampleData: (commandType) => (commandType === 'ApproveForumPlan' ? {} : { reason: '请补充议程' }),
  },
  {
    type: 'customer-forum.revise-plan',
    title: '客户座谈会筹备计划被退回，待销售部修改',
    step: 'revise-plan',
    states: ['planReturned'],
    holders: () => ({ roles: [...ORGANISER_ROLES], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['ReviseForumPlan'],
    dueWorkingDays: null,
    reminders: { version: VERSION, remindAfterWorkingDays: 3, escalateAfterWorkingDays: null, escalateTo: null },
    subject,
    link,
    sampleData: (_, s) =>
      s.context.title && s.context.plannedOn
        ? { title: s.context.title, plannedOn: s.context.plannedOn, invitees: [{ name: '客户代表', organisation: '客户单位' }], agenda: ['市场行情'], budgetYuan: 0 }
        : null,
  },
  {
    type: 'customer-forum.file-minutes',
    title: '客户座谈会待整理归档会议记录',
    step: 'file-minutes',
    states: ['planApproved'],
    holders: () => ({ roles: [...MINUTE_KEEPER_ROLES], assignee: null, excluded: [] }),
    delegable: true,
    commands: ['FileForumMinutes'],
    dueWorkingDays: null,
    reminders: { version: VERSION, remindAfterWorkingDays: null, escalateAfterWorkingDays: null, escalateTo: null },
    subject,
    link,
    // held on the day of the approval: the earliest day the decider accepts
    sampleData: (_, s) =>
      s.context.forumId && s.context.approvedOn
        ? { forumId: s.context.forumId, heldOn: s.context.approvedOn, attendees: [{ name: '客户代表', organisation: '客户单位' }], topics: [], minutes: '座谈会记录', followUps: [], attachments: [] }
        : null,
  },
];
