import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { customerLabel, useNames } from '../record-kit/names';
import { percent, tonnes, useKeyAccountsT } from './key-accounts.messages';
import { ParetoChart, type ParetoRow } from './pareto-chart';

interface AbcReport {
  from: string;
  to: string;
  thresholds: { a: number; b: number };
  totalTonnes: number;
  customers: Array<ParetoRow & { rank: number; share: number }>;
}

/** R-KAM-1: customers ranked by tonnage over the 12 whole months before this one (the API's default period). */
export function AbcCard() {
  const { t } = useKeyAccountsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [report, setReport] = useState<AbcReport | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    api.get<AbcReport>('/key-accounts/abc').then(setReport, (e) => setError(describeError(e, gt)));
  }, [api, gt]);

  const rows = report?.customers.filter((c) => c.tonnes > 0) ?? [];
  const names = useNames([], rows.map((c) => c.customerId));
  return (
    <section className="card" aria-labelledby="abc-title" data-testid="abc">
      <h2 id="abc-title">{t('abcTitle')}</h2>
      <ErrorAlert error={error} />
      {report ? (
        <p className="hint">{t('abcPeriod', { from: report.from, to: report.to, total: tonnes(report.totalTonnes), a: percent(report.thresholds.a), b: percent(report.thresholds.b) })}</p>
      ) : null}
      {report === null ? null : rows.length === 0 ? (
        <p className="empty">{t('abcEmpty')}</p>
      ) : (
        <div className="abc-layout">
          <ParetoChart rows={rows} />
          <table className="data-table" data-testid="abc-table">
            <thead>
              <tr>
                <th scope="col" className="num">{t('rank')}</th>
                <th scope="col">{t('customer')}</th>
                <th scope="col" className="num">{t('tonnes')}</th>
                <th scope="col" className="num">{t('cumulative')}</th>
                <th scope="col">{t('class')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.customerId} data-customer={c.customerId}>
                  <td className="num">{c.rank}</td>
                  <td><div>{c.name ?? customerLabel(names, c.customerId, lang)}</div>{names.customers[c.customerId]?.creditCode ? <div className="muted small">{names.customers[c.customerId]?.creditCode}</div> : null}</td>
                  <td className="num">{tonnes(c.tonnes)}</td>
                  <td className="num">{percent(c.cumulativeShare)}</td>
                  <td><span className={`badge ${c.abcClass === 'A' ? 'badge-primary' : 'badge-muted'}`}>{c.abcClass}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
