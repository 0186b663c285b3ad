import type { CommitteeCharter, Vote } from './committee.shapes';

export type CommitteeOutcome = 'approved' | 'rejected' | 'pending';
export interface Tally { approve: number; reject: number; abstain: number; outstanding: number }

export function tallyOf(charter: CommitteeCharter, votes: ReadonlyArray<{ member: string; vote: Vote }>): Tally {
  const count = (v: Vote) => votes.filter((x) => x.vote === v).length;
  return { approve: count('approve'), reject: count('reject'), abstain: count('abstain'), outstanding: charter.members.length - votes.length };
}

/** The outcome once every vote still outstanding could no longer change it; until then, pending. */
export function committeeOutcome(charter: CommitteeCharter, votes: ReadonlyArray<{ member: string; vote: Vote }>): CommitteeOutcome {
  const t = tallyOf(charter, votes);
  const ifAllApprove = resultOf(charter, { ...t, approve: t.approve + t.outstanding, outstanding: 0 });
  const ifAllReject = resultOf(charter, { ...t, reject: t.reject + t.outstanding, outstanding: 0 });
  return ifAllApprove === ifAllReject ? ifAllApprove : 'pending';
}

/** The chair closed the vote: the votes in decide, the missing ones count for nothing. */
export function closedOutcome(charter: CommitteeCharter, votes: ReadonlyArray<{ member: string; vote: Vote }>): 'approved' | 'rejected' {
  return resultOf(charter, tallyOf(charter, votes));
}

/** With every vote in: the rule's verdict (no quorum, no approval). */
function resultOf(charter: CommitteeCharter, t: Tally): 'approved' | 'rejected' {
  const members = charter.members.length;
  const cast = t.approve + t.reject + t.abstain;
  if (cast < charter.quorum) return 'rejected';
  switch (charter.decisionRule) {
    case 'majority_of_members':
      return t.approve * 2 > members ? 'approved' : 'rejected';
    case 'majority_of_votes_cast':
      return t.approve > t.reject ? 'approved' : 'rejected';
    case 'unanimous':
      return t.approve === members ? 'approved' : 'rejected';
  }
}
