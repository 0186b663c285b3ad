import { CastCommitteeVote, CloseCommitteeVote, RecordGroupDecision, Vote, WithdrawProposal } from '@crm/committee';
import { useState } from 'react';
import { useSignedIn } from '../../auth/session.context';
import { CommandCard } from '../record-kit/command-card';
import type { CommandAnswer } from '../record-kit/use-record-form';
import type { ProposalView } from './committee-view';
import { useCommitteeT } from './committee.messages';

// the domain's commands, strict as the API's bodies are
const S = { vote: CastCommitteeVote.strict(), close: CloseCommitteeVote.strict(), group: RecordGroupDecision.strict(), withdraw: WithdrawProposal.strict(), votes: Vote.options };
const optional = (raw: string) => raw.trim() || null;

/**
 * The viewer's part in a proposal, as the decider has it: a member yet to vote votes; the chair
 * closes the vote or records the group's answer; the proposer withdraws while it is being voted on.
 */
export function ProposalDecisions({ view, onDone }: { view: ProposalView; onDone(position: number): void }) {
  const { t } = useCommitteeT();
  const { api, session } = useSignedIn();
  const me = session.user.id;
  const id = encodeURIComponent(view.id);
  // the card goes once its step is done (the state moved on): the page says it, once
  const [done, setDone] = useState<string | null>(null);
  const after = (note: string) => (position: number) => { setDone(note); onDone(position); };
  const voting = view.state === 'voting';
  const isChair = view.charter?.chairId === me;
  const mayVote = voting && (view.charter?.members.includes(me) ?? false) && !view.votes.some((v) => v.member === me);
  return (
    <>
      {done ? <p className="alert alert-success" role="status">{done}</p> : null}
      {mayVote ? (
        <section className="card" aria-label={t('castVote')}>
          <CommandCard title={t('castVote')} schema={S.vote} call={(b) => api.post<CommandAnswer>(`/committee/proposals/${id}/votes`, b)} submitLabel={t('submitVote')} success={null} onDone={after(t('voted'))} initial={{ vote: 'approve' }}
            fields={[{ name: 'vote', label: t('vote'), kind: 'select', options: S.votes.map((v) => ({ value: v, label: t(`vote.${v}`) })) }, { name: 'opinion', label: t('opinion'), kind: 'textarea' }]}
            body={(v) => ({ vote: v('vote'), opinion: optional(v('opinion')) })} />
        </section>
      ) : null}
      {voting && isChair ? (
        <section className="card" aria-label={t('closeTitle')}>
          <CommandCard title={t('closeTitle')} intro={t('closeIntro')} schema={S.close} call={(b) => api.post<CommandAnswer>(`/committee/proposals/${id}/close`, b)} submitLabel={t('closeButton')} success={null} onDone={after(t('closed'))}
            fields={[{ name: 'reason', label: t('closeReason'), kind: 'textarea' }]} body={(v) => ({ reason: v('reason') })}
            confirm={{ question: t('closeConfirm'), label: t('closeConfirmButton') }} />
        </section>
      ) : null}
      {view.state === 'escalated' && isChair ? (
        <section className="card" aria-label={t('groupTitle')}>
          <CommandCard title={t('groupTitle')} intro={t('groupIntro')} schema={S.group} call={(b) => api.post<CommandAnswer>(`/committee/proposals/${id}/group-decision`, b)} submitLabel={t('groupButton')} success={null} onDone={after(t('groupRecorded'))}
            initial={{ approved: 'true' }}
            fields={[
              { name: 'approved', label: t('groupApproved'), kind: 'select', options: ['true', 'false'].map((v) => ({ value: v, label: t(`group.${v}` as 'group.true') })) },
              { name: 'reference', label: t('reference') }, { name: 'opinion', label: t('groupOpinion'), kind: 'textarea' },
            ]}
            body={(v) => ({ approved: v('approved') === 'true', reference: v('reference'), opinion: optional(v('opinion')) })}
            confirm={{ question: t('groupConfirm'), label: t('groupConfirmButton') }} />
        </section>
      ) : null}
      {voting && view.proposedBy === me ? (
        <section className="card" aria-label={t('withdrawTitle')}>
          <CommandCard title={t('withdrawTitle')} schema={S.withdraw} call={(b) => api.post<CommandAnswer>(`/committee/proposals/${id}/withdraw`, b)} submitLabel={t('withdrawButton')} success={null} onDone={after(t('withdrawn'))}
            fields={[{ name: 'reason', label: t('withdrawReason'), kind: 'textarea' }]} body={(v) => ({ reason: v('reason') })}
            confirm={{ question: t('withdrawConfirm'), label: t('withdrawConfirmButton') }} />
        </section>
      ) : null}
    </>
  );
}
