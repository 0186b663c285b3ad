import { VIOLATION_VOCABULARY } from '@crm/committee';
import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import type { ViolationRow } from './committee-view';
import { useCommitteeT } from './committee.messages';
import { stateWords } from './proposal-list';

/** R-PRICE-2: the cases before the committee, newest first, with the company concerned and the finding. */
export function ViolationList({ minPosition }: { minPosition?: number }) {
  const { t, lang } = useCommitteeT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [rows, setRows] = useState<ViolationRow[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  useEffect(() => {
    api.get<{ items: ViolationRow[] }>('/committee/violations', { minPosition }).then((r) => { setRows(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);
  const names = useNames(rows?.map((r) => r.opened_by) ?? [], rows?.map((r) => r.customer_id) ?? []);

  return (
    <section className="card" aria-labelledby="violations-title">
      <h2 id="violations-title">{t('violationsTitle')}</h2>
      <ErrorAlert error={error} />
      {rows && rows.length === 0 ? <p className="empty">{t('violationsNone')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="violations-table">
            <thead><tr><th>{t('col_case')}</th><th>{t('col_customer')}</th><th>{t('col_opened')}</th><th>{t('col_status')}</th><th>{t('col_finding')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.case_id} data-case={r.case_id}>
                  <td><a href={`#${featurePath('committee', 'violations', r.case_id)}`}>{t(`kind.${r.kind}` as 'kind.price')}</a></td>
                  <td>{r.customer_id ? customerLabel(names, r.customer_id, lang) : t('noCustomer')}</td>
                  <td>{personLabel(names, r.opened_by, lang)} · {formatInstant(r.opened_at)}</td>
                  <td><span className="badge" data-state={r.status}>{stateWords(VIOLATION_VOCABULARY, r.status, lang)}</span></td>
                  <td>{r.finding ? t(`finding.${r.finding}` as 'finding.upheld') : '—'}{r.sanction ? ` · ${t(`sanction.${r.sanction}` as 'sanction.fine')}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
