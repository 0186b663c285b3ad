import { and, assign, not, setup } from 'xstate';
import { committeeVerdict, evolveProposal, exceedsAuthority, INITIAL_PROPOSAL_CONTEXT, type ProposalContext } from './proposal.context';
import type { ProposalEvent } from './proposal.events';

type Args = { context: ProposalContext; event: ProposalEvent };

/** R-PRICE-1 as the machine holds it: members vote once, the rule decides, beyond its authority the group does. */
export const proposalGuards = {
  isMemberYetToVote: ({ context, event }: Args) =>
    event.type === 'CommitteeVoteCast' && !!context.charter?.members.includes(event.data.member) && !context.votes.some((v) => v.member === event.data.member),
  isChair: ({ context, event }: Args) => event.type === 'CommitteeVoteClosed' && event.data.by === context.charter?.chairId,
  committeeApproves: ({ context, event }: Args) =>
    (event.type === 'ProposalEscalatedToGroup' || (event.type === 'ProposalApproved' && event.data.decidedBy === 'committee')) && committeeVerdict(context) === 'approved',
  committeeRejects: ({ context, event }: Args) => event.type === 'ProposalRejected' && event.data.decidedBy === 'committee' && committeeVerdict(context) === 'rejected',
  beyondAuthority: ({ context }: Args) => exceedsAuthority(context),
  byTheGroup: ({ event }: Args) => (event.type === 'ProposalApproved' || event.type === 'ProposalRejected') && event.data.decidedBy === 'group',
  byTheProposer: ({ context, event }: Args) => event.type === 'ProposalWithdrawn' && event.data.by === context.proposedBy,
};

const proposal = setup({
  types: { context: {} as ProposalContext, events: {} as ProposalEvent },
  guards: proposalGuards,
  actions: { evolve: assign(({ context, event }) => evolveProposal(context, event)) },
});

/** `committee-proposal-<id>`: a price adjustment or a customer-management policy before the 价格与客户管理委员会. */
export const proposalMachine = proposal.createMachine({
  id: 'committee-proposal',
  initial: 'none',
  context: INITIAL_PROPOSAL_CONTEXT,
  states: {
    none: { on: { PriceProposalSubmitted: { target: 'voting', actions: 'evolve' }, PolicyProposalSubmitted: { target: 'voting', actions: 'evolve' } } },
    voting: {
      on: {
        CommitteeVoteCast: { guard: 'isMemberYetToVote', actions: 'evolve' },
        CommitteeVoteClosed: { guard: 'isChair', actions: 'evolve' },
        ProposalApproved: { guard: and(['committeeApproves', not('beyondAuthority')]), target: 'approved', actions: 'evolve' },
        ProposalEscalatedToGroup: { guard: and(['committeeApproves', 'beyondAuthority']), target: 'escalated', actions: 'evolve' },
        ProposalRejected: { guard: 'committeeRejects', target: 'rejected', actions: 'evolve' },
        ProposalWithdrawn: { guard: 'byTheProposer', target: 'withdrawn', actions: 'evolve' },
      },
    },
    escalated: {
      on: {
        ProposalApproved: { guard: 'byTheGroup', target: 'approved', actions: 'evolve' },
        ProposalRejected: { guard: 'byTheGroup', target: 'rejected', actions: 'evolve' },
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
