import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { hasAnyRole } from '../../auth/session';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { customerLabel, personLabel, useNames } from '../record-kit/names';
import { useVisitsT } from './visits.messages';

interface Finding { reportId: string; customerId: string; managerId: string; visitedOn: string; findings: string; departments: string[]; submittedAt: string }

/** R-VISIT-3: findings fed back and not yet acknowledged, oldest first; the responsible leader acknowledges each. */
export function VisitFindings() {
  const { t } = useVisitsT();
  const { t: gt, lang } = useI18n();
  const { api, session } = useSignedIn();
  const [items, setItems] = useState<Finding[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mayAcknowledge = hasAnyRole(session.user, ['supervisor', 'general_manager']);

  const load = useCallback((minPosition?: number) => {
    api.get<{ items: Finding[] }>('/visit-reports/feedback', { status: 'open', minPosition }).then((page) => { setItems(page.items); setError(null); }, (e) => setError(describeError(e, gt)));
  }, [api, gt]);
  useEffect(() => load(), [load]);
  const names = useNames((items ?? []).map((f) => f.managerId), (items ?? []).map((f) => f.customerId));
  const company = (f: Finding) => customerLabel(names, f.customerId, lang);

  async function acknowledge(f: Finding) {
    setBusy(f.reportId);
    setNotice(null);
    try {
      const answer = await api.post<{ position: number }>(`/visit-reports/${encodeURIComponent(f.reportId)}/acknowledge`, {});
      setNotice(t('acknowledged', { customer: company(f) }));
      load(answer.position);
    } catch (e) {
      setError(describeError(e, gt));
      load(); // a colleague may have acknowledged it first (409): show the list as it is now
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="findings-title" data-testid="visit-findings">
      <h2 id="findings-title">{t('findingsTitle')}</h2>
      <ErrorAlert error={error} />
      {notice ? <p role="status" className="notice notice-success">{notice}</p> : null}
      {items === null ? null : items.length === 0 ? (
        <p className="empty">{t('findingsEmpty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('customer')}</th>
              <th scope="col">{t('visited')}</th>
              <th scope="col">{t('finding')}</th>
              <th scope="col">{t('notified')}</th>
              {mayAcknowledge ? <th scope="col"><span className="visually-hidden">{t('acknowledge')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr key={f.reportId} data-report={f.reportId}>
                <td><div>{company(f)}</div><div className="muted small">{personLabel(names, f.managerId, lang)}</div></td>
                <td className="nowrap"><div>{f.visitedOn}</div><div className="muted small">{formatInstant(f.submittedAt)}</div></td>
                <td>{f.findings}</td>
                <td>{f.departments.join('、') || '—'}</td>
                {mayAcknowledge ? (
                  <td className="num">
                    <button type="button" className="button button-secondary button-small" disabled={busy === f.reportId} onClick={() => void acknowledge(f)} aria-label={t('acknowledgeFor', { customer: company(f), date: f.visitedOn })}>
                      {t('acknowledge')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
