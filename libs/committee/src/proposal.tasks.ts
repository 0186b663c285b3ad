import { DECIDING_ROLES, type TaskDeclaration, type TaskReminderPolicy } from '@crm/workflow-kit';
import type { ProposalContext } from './proposal.context';

/** A price waits on the committee: each member is reminded after two idle working days; the chair is told after four. */
const REMINDERS: TaskReminderPolicy = { version: 'committee-tasks-2026-12', remindAfterWorkingDays: 2, escalateAfterWorkingDays: 4, escalateTo: 'general_manager' };
const link = (id: string) => ({ console: '/#/committee', api: `/committee/proposals/${encodeURIComponent(id)}` });
const subject = () => ({ customerId: null, name: null });

const membersYetToVote = (c: ProposalContext) => (c.charter?.members ?? []).filter((m) => !c.votes.some((v) => v.member === m));

/** One task per member yet to vote on a proposal of one kind (a price, a policy): the same vote, its own title. */
const memberVote = (type: string, title: string, isKind: (c: ProposalContext) => boolean): TaskDeclaration<ProposalContext> => ({
  type,
  title,
  step: 'vote',
  states: ['voting'],
  keysOf: (s) => (isKind(s.context) ? membersYetToVote(s.context) : []),
  holders: (_s, member) => ({ roles: DECIDING_ROLES, assignee: member, excluded: [] }),
  delegable: false,
  commands: ['CastCommitteeVote'],
  dueWorkingDays: 5,
  reminders: REMINDERS,
  subject,
  link,
  sampleData: (commandType) => (commandType === 'CastCommitteeVote' ? { vote: 'approve', opinion: null } : null),
});

/** R-PRICE-1 审批产品价格调整方案 / 审议公司客户管理方案和机制: one task per member yet to vote; 超过权限上报集团公司审批: the chair records the group's answer. */
export const proposalTasks: readonly TaskDeclaration<ProposalContext>[] = [
  memberVote('committee-proposal.vote', '价格调整方案待委员表决', (c) => c.change !== null),
  memberVote('committee-proposal.policy-vote', '客户管理方案待委员审议', (c) => c.policy !== null),
  {
    type: 'committee-proposal.group-decision',
    title: '超权限价格方案待记录集团批复',
    step: 'group-decision',
    states: ['escalated'],
    holders: (s) => ({ roles: DECIDING_ROLES, assignee: s.context.charter?.chairId ?? null, excluded: [] }),
    delegable: false,
    commands: ['RecordGroupDecision'],
    dueWorkingDays: null,
    reminders: { ...REMINDERS, escalateAfterWorkingDays: null, escalateTo: null },
    subject,
    link,
    sampleData: (commandType) => (commandType === 'RecordGroupDecision' ? { approved: true, reference: '集团批复', opinion: null } : null),
  },
];
