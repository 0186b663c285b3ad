import { localMessages } from '../../i18n/local-messages';

/** An administrator's reassignment of open tasks (TASK-REASSIGN, issue 16). */
const ZH = {
  subtitle: '有人请假、离职或工作量不均时，把待办改派给同样可以办理的人；系统会按审批规则检查新经办人（如不能审批自己提交的申请）。',
  loading: '正在读取待办…',
  total: '共 {n} 项未办结的待办',
  none: '目前没有未办结的待办。',
  task: '事项',
  customer: '客户',
  roles: '可办理角色',
  assignee: '当前经办人',
  byRole: '未指派（持有角色者均可办理）',
  due: '到期时间',
  noDue: '无时限',
  overdue: '已超时',
  reassign: '改派',
  to: '改派给',
  choose: '请选择',
  reason: '改派原因（可选）',
  send: '确认改派',
  cancel: '取消',
  done: '已将“{task}”改派给 {name}。',
  noOne: '没有其他持有该角色的在职用户。',
  unknownPerson: '（未登记的用户）',
  sending: '提交中…',
};

const EN: Record<keyof typeof ZH, string> = {
  subtitle: 'When someone is away, leaves or has too much, hand a task to another person who may do it; the approval rules check the new assignee (no one approves their own application, for instance).',
  loading: 'Reading tasks…',
  total: '{n} open tasks',
  none: 'No open tasks.',
  task: 'Task',
  customer: 'Customer',
  roles: 'Roles that may do it',
  assignee: 'Assigned to',
  byRole: 'Nobody in particular (anyone with the role)',
  due: 'Due',
  noDue: 'No deadline',
  overdue: 'Overdue',
  reassign: 'Reassign',
  to: 'Hand to',
  choose: 'Choose…',
  reason: 'Reason (optional)',
  send: 'Reassign now',
  cancel: 'Cancel',
  done: '“{task}” is now with {name}.',
  noOne: 'No other active user holds the role.',
  unknownPerson: '(unregistered user)',
  sending: 'Sending…',
};

export const useReassignT = localMessages({ 'zh-CN': ZH, en: EN });

/** A row of GET /tasks/open. */
export interface OpenTask {
  taskId: string; type: string; title: string; roles: string[]; assignee: string | null;
  subject: { customerId: string | null; name: string | null }; dueAt: string | null; overdue: boolean;
}
