import fc from 'fast-check';
import { closedOutcome, committeeOutcome, type CommitteeCharter, type Vote } from '../src';
import { CHARTER } from './committee.fixtures';

const votes = (...vs: Vote[]) => vs.map((vote, i) => ({ member: CHARTER.members[i], vote }));

describe('how the committee decides (R-PRICE-1, the configured rule)', () => {
  it('R-PRICE-1: majority of members — 3 of 5 approving decides at once, the last two need not vote', () => {
    expect(committeeOutcome(CHARTER, votes('approve', 'approve'))).toBe('pending');
    expect(committeeOutcome(CHARTER, votes('approve', 'approve', 'approve'))).toBe('approved');
    expect(committeeOutcome(CHARTER, votes('reject', 'abstain', 'reject'))).toBe('rejected');
  });

  it('R-PRICE-1: majority of votes cast needs the quorum; abstentions count for the quorum only', () => {
    const charter: CommitteeCharter = { ...CHARTER, decisionRule: 'majority_of_votes_cast', quorum: 3 };
    expect(closedOutcome(charter, votes('approve', 'abstain'))).toBe('rejected');
    expect(closedOutcome(charter, votes('approve', 'abstain', 'abstain'))).toBe('approved');
    expect(committeeOutcome(charter, votes('approve', 'abstain', 'abstain'))).toBe('pending');
  });

  it('R-PRICE-1: unanimity fails at the first rejection', () => {
    const charter: CommitteeCharter = { ...CHARTER, decisionRule: 'unanimous' };
    expect(committeeOutcome(charter, votes('approve', 'reject'))).toBe('rejected');
    expect(committeeOutcome(charter, votes('approve', 'approve', 'approve', 'approve'))).toBe('pending');
  });

  it('R-PRICE-1: a decided outcome never changes, whatever the outstanding members vote (property)', () => {
    const rule = fc.constantFrom('majority_of_members', 'majority_of_votes_cast', 'unanimous') as fc.Arbitrary<CommitteeCharter['decisionRule']>;
    const vote = fc.constantFrom<Vote>('approve', 'reject', 'abstain');
    fc.assert(
      fc.property(rule, fc.integer({ min: 1, max: 5 }), fc.array(vote, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 5 }), (decisionRule, quorum, all, k) => {
        const charter = { ...CHARTER, decisionRule, quorum };
        const early = committeeOutcome(charter, votes(...all.slice(0, k)));
        const final = committeeOutcome(charter, votes(...all));
        expect(final).not.toBe('pending');
        if (early !== 'pending') expect(final).toBe(early);
      }),
    );
  });
});
