import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { useSignedIn } from '../../auth/session.context';
import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { useApplicationT } from './application.messages';
import { WithdrawButton, withdrawable } from './withdraw-application';

interface Summary {
  applicationId: string;
  status: string;
  companyName: string;
  pending: { step: string } | null;
  customerId: string | null;
  updatedAt: string;
}

const TONE: Record<string, string> = { draft: 'badge-muted', in_review: 'badge-primary', returned: 'badge-warning', approved: 'badge-success', rejected: 'badge-danger', withdrawn: 'badge-muted' };
export const statusTone = (status: string) => TONE[status] ?? 'badge-muted';
export const editable = (status: string) => status === 'draft' || status === 'returned';

/** The customer manager's own applications, newest first, with what can be done to each. */
export function MyApplications({ minPosition }: { minPosition?: number }) {
  const { t } = useApplicationT();
  const { t: l } = useOnboardingLabels();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<Summary[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [withdrawnAt, setWithdrawnAt] = useState<number | undefined>();

  useEffect(() => {
    api.get<{ items: Summary[] }>('/applications', { minPosition: withdrawnAt ?? minPosition, limit: 100 }).then(
      (page) => setItems(page.items),
      (e) => setError(describeError(e, gt)),
    );
  }, [api, minPosition, withdrawnAt, gt]);

  return (
    <section className="card card-flush" aria-labelledby="mine-title">
      <div className="card-header">
        <h2 id="mine-title">{t('mine')}</h2>
        <a className="button button-primary" href="#/new-application/new">＋ {t('newApplication')}</a>
      </div>
      <ErrorAlert error={error} />
      {items && items.length === 0 ? <p className="empty" style={{ margin: 20 }}>{t('mineEmpty')}</p> : null}
      {items && items.length > 0 ? (
        <table className="data-table" data-testid="my-applications">
          <thead>
            <tr>
              <th scope="col">{t('company')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('pendingStep')}</th>
              <th scope="col">{t('updatedAt')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.applicationId} data-application={a.applicationId}>
                <td>{a.companyName}</td>
                <td><span className={`badge ${statusTone(a.status)}`}>{labelOr(l, `status.${a.status}`)}</span></td>
                <td>{a.pending ? labelOr(l, `step.${a.pending.step}`) : '—'}</td>
                <td className="nowrap">{formatInstant(a.updatedAt)}</td>
                <td className="nowrap">
                  <a href={`#/new-application/${encodeURIComponent(a.applicationId)}`} aria-label={`${editable(a.status) ? t('edit') : t('view')} ${a.companyName}`}>
                    {editable(a.status) ? t('edit') : t('view')}
                  </a>
                  {a.customerId ? (
                    <> · <a href={`#/customers/${encodeURIComponent(a.customerId)}`}>{t('customer')}</a></>
                  ) : null}
                  {withdrawable(a.status) ? <> · <WithdrawButton applicationId={a.applicationId} company={a.companyName} onWithdrawn={setWithdrawnAt} /></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
