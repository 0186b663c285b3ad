import type { Role, TaskDeclaration, TaskReminderPolicy, WorkflowState } from '@crm/workflow-kit';
import type { ComplaintContext } from './complaint.context';
import { MEETING_CHAIR_ROLE, nextChainLevel } from './complaint.rules';

type State = WorkflowState<ComplaintContext>;
type Decl = TaskDeclaration<ComplaintContext>;

/**
 * R-CMP-3 gives the deadline (一般投诉一个工作日内, 较大事件不超过三个工作日): every complaint task is
 * due at the complaint's SLA deadline. The holder is reminded after one idle working day; the
 * escalation to the supervisor (主管领导) is the SLA's own warning and breach alert (ADR 0010), so
 * the task adds none of its own.
 */
const REMINDERS: TaskReminderPolicy = { version: 'complaint-tasks-2026-12', remindAfterWorkingDays: 1, escalateAfterWorkingDays: null, escalateTo: null };
const GM_REMINDERS: TaskReminderPolicy = REMINDERS;

const handlers = (s: State): Role[] => [...(s.context.policy?.handlerRoles ?? [])];
const base = {
  delegable: true,
  dueWorkingDays: null,
  dueAtOf: (s: State) => s.context.sla?.deadline.due ?? null,
  reminders: REMINDERS,
  subject: (s: State) => ({ customerId: s.context.customerId, name: null }),
  link: (id: string) => ({ console: `/#/complaints/${encodeURIComponent(id)}`, api: `/complaints/${encodeURIComponent(id)}` }),
};

/** A step the handling department (policy.handlerRoles) takes. */
const handlerTask = (type: string, title: string, state: string, commands: Decl['commands'], sample: (actorId: string) => Record<string, unknown>): Decl => ({
  ...base, type: `complaint.${type}`, title, step: type, states: [state], commands,
  holders: (s) => ({ roles: handlers(s), assignee: null, excluded: [] }),
  sampleData: (commandType, _s, actorId) => (commandType === commands[0] ? sample(actorId) : null),
});

/** R-CMP-2 报主管领导审批; CMP-SELF: neither the drafter nor the named handler approves it. */
const approvalTask: Decl = {
  ...base, type: 'complaint.approve-resolution', title: '投诉处理意见待主管领导审批', step: 'approve-resolution', states: ['open.awaitingApproval'],
  commands: ['ApproveResolution', 'SendBackResolution'],
  holders: (s) => ({ roles: [...(s.context.policy?.resolutionApproverRoles ?? [])], assignee: null, excluded: [s.context.draft?.by, s.context.draft?.handler].filter((p): p is string => !!p) }),
  sampleData: (commandType) => (commandType === 'ApproveResolution' ? {} : { reason: '请补充处理措施' }),
};

/** R-CMP-2 报请总经理召开专题会议: the general manager chairs the special meeting on a serious complaint. */
const meetingTask: Decl = {
  ...base, type: 'complaint.special-meeting', title: '严重投诉待总经理召开专题会议', step: 'special-meeting', states: ['open.awaitingMeeting'],
  reminders: GM_REMINDERS, commands: ['RecordSpecialMeetingDecision'],
  holders: () => ({ roles: [MEETING_CHAIR_ROLE], assignee: null, excluded: [] }),
  sampleData: (_c, _s, actorId) => ({ decision: '专题会议意见', minutes: '会议纪要', attendees: [actorId], department: '销售部', handler: actorId, heldAt: '2026-01-01T00:00:00.000Z' }),
};

/** R-CMP-3 经各级主管领导批准: one task per level of the chain, for that level's role; nobody approves twice, nor their own request. */
const extensionTask: Decl = {
  ...base, type: 'complaint.approve-extension', title: '投诉延期待主管领导批准', step: 'approve-extension', states: ['open'],
  openWhen: (s) => s.context.pendingExtension !== null && nextChainLevel(s.context) !== null,
  keysOf: (s) => [`${s.context.pendingExtension?.requestId}-${nextChainLevel(s.context)}`],
  commands: ['ApproveExtension', 'RejectExtension'],
  holders: (s) => {
    const pending = s.context.pendingExtension;
    const level = nextChainLevel(s.context) ?? 1;
    const role = s.context.policy?.extensionApproverRoles[level - 1];
    return { roles: role ? [role] : [], assignee: null, excluded: pending ? [pending.requestedBy, ...pending.approvals.map((a) => a.by)] : [] };
  },
  sampleData: (commandType, s) => {
    const requestId = s.context.pendingExtension?.requestId ?? '';
    return commandType === 'ApproveExtension' ? { requestId } : { requestId, reason: '不予延期' };
  },
};

export const complaintTasks: readonly Decl[] = [
  handlerTask('classify', '投诉待分类', 'received', ['ClassifyComplaint'], () => ({ class: 'general' })),
  handlerTask('draft-resolution', '投诉待拟定处理意见', 'open.drafting', ['DraftResolution'], (actorId) => ({ department: '销售部', text: '处理意见', handler: actorId })),
  approvalTask,
  meetingTask,
  extensionTask,
  handlerTask('notify-customer', '投诉处理结果待告知客户', 'open.resolved', ['NotifyCustomer'], () => ({ channel: 'phone', message: '处理结果' })),
  handlerTask('close', '投诉待结案', 'notified', ['CloseComplaint'], () => ({ notes: '无' })),
];
