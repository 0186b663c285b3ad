import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { personLabel, useNames } from '../record-kit/names';
import { useVisitsT } from './visits.messages';

interface Row { managerId: string; month: number; planned: number; done: number; unplanned: number }

/** R-VISIT-1: planned vs done per manager and month (a customer manager gets their own rows only: R-KAM-2). */
export function VisitProgress({ year, minPosition }: { year: number; minPosition?: number }) {
  const { t } = useVisitsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    api.get<{ items: Row[] }>('/visit-plans/progress', { year, minPosition }).then((page) => { setRows(page.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt, year, minPosition]);
  const names = useNames((rows ?? []).map((r) => r.managerId));

  return (
    <section className="card" aria-labelledby="visit-progress-title" data-testid="visit-progress">
      <h2 id="visit-progress-title">{t('progressTitle')}</h2>
      <ErrorAlert error={error} />
      {rows === null ? null : rows.length === 0 ? (
        <p className="empty">{t('progressEmpty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('manager')}</th>
              <th scope="col">{t('month')}</th>
              <th scope="col" className="num">{t('planned')}</th>
              <th scope="col" className="num">{t('done')}</th>
              <th scope="col">{t('rate')}</th>
              <th scope="col" className="num">{t('unplanned')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.managerId}-${r.month}`} data-month={r.month}>
                <td>{personLabel(names, r.managerId, lang)}</td>
                <td>{t('monthN', { n: r.month })}</td>
                <td className="num">{r.planned}</td>
                <td className="num">{r.done}</td>
                <td>
                  {r.planned > 0 ? (
                    <meter min={0} max={r.planned} value={r.done} aria-label={`${t('monthN', { n: r.month })} ${r.done}/${r.planned}`}>{r.done}/{r.planned}</meter>
                  ) : '—'}
                </td>
                <td className="num">{r.unplanned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
