import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, commandOf, replayEvents, workflowSpec } from '@crm/workflow-kit';
import { proposalWorkflow, type ProposalCommand } from '../src';
import { CHARTER, history, member, SALES, services, submit, T0, vote } from './committee.fixtures';

const { given } = workflowSpec(proposalWorkflow, services());

describe('price proposals before the committee (R-PRICE-1, R-PRIN-4)', () => {
  it('R-PRICE-1: the sales department submits; the proposal copies the charter in force and the price it would replace', () => {
    given([]).when(submit(8400)).thenMatches([
      { type: 'PriceProposalSubmitted', data: { change: { priceFen: 840_000, previousPriceFen: 800_000, changePercent: 5 }, charter: { version: 'c-1' }, notifyUsers: CHARTER.members } },
    ]);
  });

  it('R-PRICE-1: a customer manager does not propose prices; nor does anyone before the committee has a charter', () => {
    given([]).when({ ...submit(), meta: { actor: { id: 'manager', roles: ['customer_manager'] }, now: T0 } }).thenThrows(NotPermitted, 'R-PRICE-1');
    workflowSpec(proposalWorkflow, services({ charter: null })).given([]).when(submit()).thenThrows(DomainRuleViolation, 'no charter');
  });

  it('R-PRIN-4: a price only for a warehouse designated for the product line; R-PRICE-1: never effective in the past', () => {
    given([]).when(commandOf<ProposalCommand>('SubmitPriceProposal', { ...submit().data, warehouseId: 'elsewhere' } as never, SALES, T0)).thenThrows(DomainRuleViolation, 'R-PRIN-4');
    given([]).when(submit(8400, '2026-10-01T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'never in the past');
  });

  it('R-PRICE-1: the third approving member of five decides it: the vote and the approval in one decision', () => {
    const events = history([submit(8400), vote('m1', 'approve'), vote('m2', 'approve')]);
    given(events).when(vote('m3', 'approve')).thenMatches([
      { type: 'CommitteeVoteCast', data: { member: 'm3', vote: 'approve' } },
      { type: 'ProposalApproved', data: { decidedBy: 'committee', tally: { approve: 3, reject: 0, outstanding: 2 } } },
    ]);
  });

  it('R-PRICE-1: a member votes once; a non-member not at all; nobody after the decision', () => {
    const events = history([submit(8400), vote('m1', 'approve')]);
    given(events).when(vote('m1', 'reject')).thenThrows(DomainRuleViolation, 'already voted');
    given(events).when(vote('outsider', 'approve')).thenThrows(NotPermitted, 'not a member');
    const decided = history([submit(8400), vote('m1', 'reject'), vote('m2', 'reject'), vote('m3', 'reject')]);
    given(decided).when(vote('m4', 'approve')).thenThrows(TransitionNotAllowed);
  });

  it('R-PRICE-1 超过权限上报集团公司审批: a change beyond the bound goes up to the group after the committee approves, and the group decides', () => {
    const events = history([submit(9000), vote('m1', 'approve'), vote('m2', 'approve')]);
    const escalated = given(events).when(vote('m3', 'approve')).thenMatches([
      { type: 'CommitteeVoteCast' },
      { type: 'ProposalEscalatedToGroup', data: { changePercent: 12.5, authorityBoundPercent: 10, notifyUsers: ['m1'] } },
    ]);
    const after = [...events, ...escalated.events];
    const byGroup = (who: string, approved: boolean) => commandOf<ProposalCommand>('RecordGroupDecision', { approved, reference: '集团价字〔2026〕12号', opinion: null }, member(who), T0);
    given(after).when(byGroup('m2', true)).thenThrows(NotPermitted, 'chair');
    given(after).when(byGroup('m1', true)).thenMatches([{ type: 'ProposalApproved', data: { decidedBy: 'group', reference: '集团价字〔2026〕12号' } }]);
  });

  it('R-PRICE-1: the chair closes a vote a member never attends; the quorum still applies', () => {
    const events = history([submit(8400), vote('m2', 'approve'), vote('m3', 'approve')]);
    const close = commandOf<ProposalCommand>('CloseCommitteeVote', { reason: '委员长期出差' }, member('m1'), T0);
    given(events).when(close).thenMatches([{ type: 'CommitteeVoteClosed' }, { type: 'ProposalRejected', data: { decidedBy: 'committee' } }]);
    const enough = history([submit(8400), vote('m1', 'approve'), vote('m2', 'approve'), vote('m3', 'reject')], services({ charter: { ...CHARTER, decisionRule: 'majority_of_votes_cast' } }));
    workflowSpec(proposalWorkflow, services()).given(enough).when(close).thenMatches([{ type: 'CommitteeVoteClosed' }, { type: 'ProposalApproved' }]);
  });

  it('R-PRICE-1: the machine refuses an approval the votes do not carry, whoever writes it', () => {
    const events = history([submit(8400), vote('m1', 'approve')]);
    const snapshot = replayEvents(proposalWorkflow, events);
    expect(snapshot.can({ type: 'ProposalApproved', data: { decidedBy: 'committee', tally: null, reference: null, at: T0 } })).toBe(false);
  });
});
