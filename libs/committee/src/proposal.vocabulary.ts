import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { proposalEventSchemas } from './proposal.events';

/** What people read for the committee-proposal workflow's events and states (the audit timeline, exports, the console). */
export const PROPOSAL_VOCABULARY: WorkflowVocabulary<keyof typeof proposalEventSchemas> = {
  title: { zh: '委员会议题', en: 'Committee proposal' },
  events: {
    PriceProposalSubmitted: { zh: '提交价格议题', en: 'Price proposal submitted' },
    PolicyProposalSubmitted: { zh: '提交管理方案议题', en: 'Policy proposal submitted' },
    CommitteeVoteCast: { zh: '委员表决', en: 'Vote cast' },
    CommitteeVoteClosed: { zh: '表决截止', en: 'Voting closed' },
    ProposalApproved: { zh: '议题通过', en: 'Proposal approved' },
    ProposalRejected: { zh: '议题否决', en: 'Proposal rejected' },
    ProposalEscalatedToGroup: { zh: '报集团公司决定', en: 'Escalated to the group' },
    ProposalWithdrawn: { zh: '撤回议题', en: 'Proposal withdrawn' },
  },
  states: {
    none: { zh: '未提交', en: 'Not submitted' },
    voting: { zh: '表决中', en: 'Voting' },
    escalated: { zh: '已报集团', en: 'Escalated' },
    approved: { zh: '已通过', en: 'Approved' },
    rejected: { zh: '已否决', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
};
