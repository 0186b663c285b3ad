import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { customerLabel, useNames } from '../record-kit/names';
import { labelFor, useKeyAccountsT } from './key-accounts.messages';

interface Signal { eventId: string; customerId: string; month: string; kind: string; at: string; detail: { reasons?: string[]; newLevel?: string | null } }

/** R-KAM-3/4: the open decline warnings, and each customer's loyalty level as its latest change set it. */
export function SignalsCards({ minPosition }: { minPosition?: number } = {}) {
  const { t } = useKeyAccountsT();
  const { t: gt, lang } = useI18n();
  const { api } = useSignedIn();
  const [data, setData] = useState<{ open: Signal[]; signals: Signal[] } | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    api.get<{ open: Signal[]; signals: Signal[] }>('/key-accounts/warnings', { minPosition }).then(setData, (e) => setError(describeError(e, gt)));
  }, [api, gt, minPosition]);

  const levels = new Map<string, Signal>();
  for (const s of data?.signals ?? []) if (s.kind === 'level_changed') levels.set(s.customerId, s); // signals come in stream order: the last one stands
  const loyalty = [...levels.values()].filter((s) => s.detail.newLevel);
  const names = useNames([], [...(data?.open ?? []), ...loyalty].map((s) => s.customerId));

  return (
    <div className="chart-pair">
      <section className="card" aria-labelledby="warnings-title" data-testid="warnings">
        <h2 id="warnings-title">{t('warningsTitle')}</h2>
        <ErrorAlert error={error} />
        {data === null ? null : data.open.length === 0 ? (
          <p className="empty">{t('warningsEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr><th scope="col">{t('customer')}</th><th scope="col">{t('month')}</th><th scope="col">{t('reasons')}</th><th scope="col">{t('raisedAt')}</th></tr>
            </thead>
            <tbody>
              {data.open.map((w) => (
                <tr key={w.eventId} data-customer={w.customerId}>
                  <td>{customerLabel(names, w.customerId, lang)}</td>
                  <td>{w.month}</td>
                  <td>{(w.detail.reasons ?? []).map((r) => labelFor(t, 'reason', r)).join('；')}</td>
                  <td className="nowrap">{formatInstant(w.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="loyalty-title" data-testid="loyalty">
        <h2 id="loyalty-title">{t('loyaltyTitle')}</h2>
        {data === null ? null : loyalty.length === 0 ? (
          <p className="empty">{t('loyaltyEmpty')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr><th scope="col">{t('customer')}</th><th scope="col">{t('level')}</th><th scope="col">{t('since')}</th></tr>
            </thead>
            <tbody>
              {loyalty.map((s) => (
                <tr key={s.customerId} data-customer={s.customerId}>
                  <td>{customerLabel(names, s.customerId, lang)}</td>
                  <td><span className="badge badge-warning">{labelFor(t, 'level', s.detail.newLevel ?? null)}</span></td>
                  <td>{s.month}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
