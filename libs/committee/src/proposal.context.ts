import { closedOutcome, committeeOutcome, type CommitteeOutcome } from './committee-tally';
import type { CommitteeCharter, Vote } from './committee.shapes';
import type { PolicyChange, PriceChange, ProposalEvent } from './proposal.events';

export interface ProposalContext {
  proposalId: string | null;
  change: PriceChange | null;
  /** a policy proposal's version (then `change` is null) */
  policy: PolicyChange | null;
  charter: CommitteeCharter | null;
  proposedBy: string | null;
  votes: Array<{ member: string; vote: Vote; opinion: string | null; at: string }>;
  decidedBy: 'committee' | 'group' | null;
  /** the chair closed the vote */
  closed: boolean;
}
export const INITIAL_PROPOSAL_CONTEXT: ProposalContext = { proposalId: null, change: null, policy: null, charter: null, proposedBy: null, votes: [], decidedBy: null, closed: false };

export function evolveProposal(context: ProposalContext, event: ProposalEvent): ProposalContext {
  switch (event.type) {
    case 'PriceProposalSubmitted':
      return { ...context, proposalId: event.data.proposalId, change: event.data.change, charter: event.data.charter, proposedBy: event.data.by };
    case 'PolicyProposalSubmitted':
      return { ...context, proposalId: event.data.proposalId, policy: event.data.policy, charter: event.data.charter, proposedBy: event.data.by };
    case 'CommitteeVoteCast':
      return { ...context, votes: [...context.votes, { ...event.data }] };
    case 'CommitteeVoteClosed':
      return { ...context, closed: true };
    case 'ProposalApproved':
    case 'ProposalRejected':
      return { ...context, decidedBy: event.data.decidedBy };
    default:
      return context;
  }
}

/** 超过权限: the committee's approval goes up to the group when the change exceeds the charter's bound. */
export const exceedsAuthority = (context: ProposalContext): boolean =>
  context.change?.changePercent != null && context.charter !== null && Math.abs(context.change.changePercent) > context.charter.authorityBoundPercent;

/** What the committee has decided so far by its charter's rule: pending until no outstanding vote could change it. */
export function committeeVerdict(context: ProposalContext): CommitteeOutcome {
  if (!context.charter) return 'pending';
  return context.closed ? closedOutcome(context.charter, context.votes) : committeeOutcome(context.charter, context.votes);
}
