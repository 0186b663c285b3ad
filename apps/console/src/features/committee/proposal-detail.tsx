import { PROPOSAL_VOCABULARY } from '@crm/committee';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { personLabel, useNames } from '../record-kit/names';
import { ruleWords } from './charter-card';
import { yuan } from '../../format/money';
import { type Catalogue, productLineLabel } from '../contracts/contract-view';
import { actorId, percent, type ProposalView, warehouseName } from './committee-view';
import { useCommitteeT } from './committee.messages';
import { stateWords } from './proposal-list';
import { ProposalDecisions } from './proposal-decisions';

/** One proposal from its stream: the change, the charter it was submitted under, every vote, the outcome; the viewer's step. */
export function ProposalDetail({ proposalId, catalogue, since }: { proposalId: string; catalogue: Catalogue | null; since?: number }) {
  const { t, lang } = useCommitteeT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [view, setView] = useState<ProposalView | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [position, setPosition] = useState<number | undefined>(since);
  const members = view?.charter?.members ?? [];
  const names = useNames([view?.proposedBy, ...members, ...(view?.history.map((h) => actorId(h.by)) ?? [])]);

  const load = useCallback(async () => {
    try { setView(await api.get<ProposalView>(`/committee/proposals/${encodeURIComponent(proposalId)}`)); setError(null); } catch (e) { setError(describeError(e, gt)); }
  }, [api, gt, proposalId]);
  useEffect(() => void load(), [load, position]);

  const who = (id: string | null | undefined) => personLabel(names, id, lang);
  const sep = lang === 'en' ? ', ' : '、';
  const change = view?.change;
  const yet = members.filter((m) => !view?.votes.some((v) => v.member === m));
  return (
    <article className="stack" data-testid="proposal-detail">
      <p><a href={`#${featurePath('committee')}`}>{t('back')}</a></p>
      <ErrorAlert error={error} />
      {view ? (
        <section className="card" aria-labelledby="proposal-title">
          <div className="card-header">
            <h2 id="proposal-title">{change ? `${productLineLabel(catalogue, change.productLineId, lang)} · ${warehouseName(catalogue, change.warehouseId)}` : t('policyProposal', { version: view.policy?.version ?? '' })}</h2>
            <span className="badge badge-primary" data-state={view.state}>{stateWords(PROPOSAL_VOCABULARY, view.state, lang)}</span>
          </div>
          <p className="muted">{t('proposedBy', { by: who(view.proposedBy), at: formatInstant(view.history[0]?.at ?? '') })}</p>
          {change ? (
            <dl className="kv">
              <dt>{t('change')}</dt><dd>{t('priceLine', { line: productLineLabel(catalogue, change.productLineId, lang), warehouse: warehouseName(catalogue, change.warehouseId), price: yuan(change.priceFen) })}</dd>
              <dt>{t('col_change')}</dt><dd>{change.previousPriceFen === null ? t('firstPrice') : t('previousPrice', { price: yuan(change.previousPriceFen), pct: percent(change.changePercent) })}</dd>
              <dt>{t('effectiveFrom')}</dt><dd>{formatInstant(change.effectiveFrom)}</dd>
            </dl>
          ) : null}
          {view.charter ? <p className="hint">{t('charterCopied', { version: view.charter.version, rule: ruleWords(t, view.charter.decisionRule), quorum: view.charter.quorum, bound: view.charter.authorityBoundPercent })}</p> : null}
          {view.decidedBy ? <p>{view.decidedBy === 'group' ? t('decidedByGroup') : t('decidedByCommittee')}</p> : null}
          <h3>{t('votesTitle')}</h3>
          {view.votes.length === 0 ? <p className="empty">{t('votesNone')}</p> : (
            <ul data-testid="proposal-votes">
              {view.votes.map((v) => <li key={v.member}>{t('voteLine', { member: who(v.member), vote: t(`vote.${v.vote}`), opinion: v.opinion ? `，${v.opinion}` : '', at: formatInstant(v.at) })}</li>)}
            </ul>
          )}
          {view.state === 'voting' && yet.length > 0 ? <p className="muted">{t('yetToVote', { who: yet.map(who).join(sep) })}</p> : null}
          {view.state === 'escalated' ? <p className="hint">{t('waitingGroup')}</p> : null}
          <h3>{t('history')}</h3>
          <ol data-testid="proposal-history">
            {view.history.map((h) => <li key={h.position}>{formatInstant(h.at)} {PROPOSAL_VOCABULARY.events[h.type as keyof typeof PROPOSAL_VOCABULARY.events]?.[lang === 'en' ? 'en' : 'zh'] ?? ''} · {who(actorId(h.by))}</li>)}
          </ol>
        </section>
      ) : null}
      {view ? <ProposalDecisions view={view} onDone={setPosition} /> : null}
    </article>
  );
}

