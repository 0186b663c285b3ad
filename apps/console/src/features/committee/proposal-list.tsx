import { PROPOSAL_VOCABULARY } from '@crm/committee';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { personLabel, useNames } from '../record-kit/names';
import { yuan } from '../../format/money';
import { type Catalogue, productLineLabel } from '../contracts/contract-view';
import { percent, type ProposalRow, warehouseName } from './committee-view';
import { useCommitteeT } from './committee.messages';

export const stateWords = (vocabulary: { states: Record<string, { zh: string; en: string }> }, state: string, lang: string) =>
  vocabulary.states[state]?.[lang === 'en' ? 'en' : 'zh'] ?? state;

/** The committee's proposals, newest first: what, how much, from when, who proposed it, where the vote stands. */
export function ProposalList({ catalogue, minPosition }: { catalogue: Catalogue | null; minPosition?: number }) {
  const { t, lang } = useCommitteeT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [rows, setRows] = useState<ProposalRow[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    api.get<{ items: ProposalRow[] }>('/committee/proposals', { minPosition }).then((r) => { setRows(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);
  const names = useNames(rows?.map((r) => r.proposed_by) ?? []);

  return (
    <section className="card" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('proposalsTitle')}</h2>
      <ErrorAlert error={error} />
      {rows && rows.length === 0 ? <p className="empty">{t('proposalsNone')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="proposals-table">
            <thead><tr><th>{t('col_subject')}</th><th>{t('col_price')}</th><th>{t('col_change')}</th><th>{t('col_effective')}</th><th>{t('col_by')}</th><th>{t('col_votes')}</th><th>{t('col_status')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.proposal_id} data-proposal={r.proposal_id}>
                  <td><a href={`#${featurePath('committee', 'proposals', r.proposal_id)}`}>
                    {r.kind === 'policy' ? t('policyProposal', { version: r.policy_version ?? '' }) : `${productLineLabel(catalogue, r.product_line_id, lang)} · ${warehouseName(catalogue, r.warehouse_id)}`}
                  </a></td>
                  <td>{r.kind === 'policy' ? '—' : yuan(r.price_fen)}</td>
                  <td>{r.previous_price_fen === null && r.kind !== 'policy' ? t('firstPrice') : percent(r.change_percent)}</td>
                  <td>{r.kind === 'policy' ? '—' : formatInstant(r.effective_from)}</td>
                  <td>{personLabel(names, r.proposed_by, lang)}</td>
                  <td>{r.votes}</td>
                  <td><span className="badge" data-state={r.status}>{stateWords(PROPOSAL_VOCABULARY, r.status, lang)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
