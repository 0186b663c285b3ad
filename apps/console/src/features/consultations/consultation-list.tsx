import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { featurePath } from '../feature-catalogue';
import { customerLabel, useNames } from '../record-kit/names';
import { useConsultationsT } from './consultations.messages';

interface Row { consultationId: string; customerId: string; channel: string; question: string; receivedAt: string; status: 'recorded' | 'answered'; dueAt: string; breached: boolean }

/** The enquiries the viewer may read (a customer manager: their own customers'), newest first. */
export function ConsultationList({ minPosition }: { minPosition?: number }) {
  const { t, lang } = useConsultationsT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const names = useNames([], rows?.map((r) => r.customerId) ?? []);
  useEffect(() => {
    api.get<{ items: Row[] }>('/consultations', { minPosition }).then((r) => { setRows(r.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);

  return (
    <section className="card" aria-labelledby="consultations-title">
      <h2 id="consultations-title">{t('listTitle')}</h2>
      <ErrorAlert error={error} />
      {rows && rows.length === 0 ? <p className="empty">{t('none')}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="consultations">
            <caption className="visually-hidden">{t('listTitle')}</caption>
            <thead><tr><th scope="col">{t('customer')}</th><th scope="col">{t('question')}</th><th scope="col">{t('receivedAt')}</th><th scope="col">{t('due')}</th><th scope="col">{t('status')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.consultationId} data-consultation={r.consultationId}>
                  <td><a href={`#${featurePath('consultations', r.consultationId)}`}>{customerLabel(names, r.customerId, lang)}</a></td>
                  <td>{r.question.length > 40 ? `${r.question.slice(0, 40)}…` : r.question}</td>
                  <td>{formatInstant(r.receivedAt)}</td>
                  <td>{formatInstant(r.dueAt)}{r.breached ? <span className="badge badge-danger"> {t('breached')}</span> : null}</td>
                  <td><span className={`badge ${r.status === 'answered' ? 'badge-success' : 'badge-warning'}`}>{t(`status.${r.status}`)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
