import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { customerLabel, useNames } from '../record-kit/names';
import { useVisitsT } from './visits.messages';

interface Row { customerId: string; quarter: string; visits: number; averages: { quality: number | null; service: number | null; awareness: number | null } }

/** R-VISIT-2: the customers' average ratings per quarter from the visit reports (a customer manager sees their own customers: R-KAM-2). */
export function VisitRatings({ year, minPosition }: { year: number; minPosition?: number }) {
  const { t } = useVisitsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    let live = true;
    api.get<{ items: Row[] }>('/visit-reports/ratings', { year, minPosition }).then((page) => { if (live) { setRows(page.items); setError(null); } }, (e) => live && setError(describeError(e, gt)));
    return () => { live = false; };
  }, [api, gt, year, minPosition]);
  const names = useNames([], (rows ?? []).map((r) => r.customerId));
  const score = (n: number | null) => (n === null ? '—' : t('score', { n: Number.isInteger(n) ? n : n.toFixed(1) }));

  return (
    <section className="card" aria-labelledby="visit-ratings-title" data-testid="visit-ratings">
      <h2 id="visit-ratings-title">{t('ratingsTitle')}</h2>
      <p className="muted">{t('ratingsIntro')}</p>
      <ErrorAlert error={error} />
      {rows === null ? null : rows.length === 0 ? (
        <p className="empty">{t('ratingsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('ratingsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('quarter')}</th>
                <th scope="col" className="num">{t('visitCount')}</th>
                <th scope="col" className="num">{t('quality')}</th>
                <th scope="col" className="num">{t('service')}</th>
                <th scope="col" className="num">{t('awareness')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.customerId}-${r.quarter}`} data-quarter={r.quarter}>
                  <td>{customerLabel(names, r.customerId, lang)}</td>
                  <td>{t('quarterN', { n: r.quarter.slice(-1) })}</td>
                  <td className="num">{r.visits}</td>
                  <td className="num">{score(r.averages.quality)}</td>
                  <td className="num">{score(r.averages.service)}</td>
                  <td className="num">{score(r.averages.awareness)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
