import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { useSignedIn } from '../auth/session.context';
import { formatInstant } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { ApplicationDecision, type Decided } from './inbox/application-decision';
import { useInboxT } from './inbox/inbox.messages';
import '../components/components.css';
import '../components/onboarding.css';

interface InboxItem {
  applicationId: string;
  companyName: string;
  step: 'sales' | 'finance' | 'generalManager';
  since: string;
  waitingWorkingDays: number;
}

/** Two working days is the reminder threshold for a step (ONB-TIMER); past it the wait shows red. */
const waitingTone = (days: number) => (days >= 2 ? 'waiting-long' : days >= 1 ? 'waiting-mid' : '');

/** The approver's inbox (审批待办): pending steps for my role, oldest first, then one application to decide. */
export default function InboxPage({ segments }: FeaturePageProps) {
  const { t: it } = useInboxT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<Decided | null>(null);
  const selected = segments[0];

  const load = useCallback(
    async (minPosition?: number) => {
      try {
        const page = await api.get<{ items: InboxItem[] }>('/inbox', { minPosition, limit: 200 });
        setItems(page.items);
        setError(null);
      } catch (e) {
        setError(describeError(e, t));
      }
    },
    [api, t],
  );
  useEffect(() => void load(), [load]);

  const onDecided = (result: Decided) => {
    setNotice(result);
    window.location.hash = '#/inbox';
    void load(result.position);
  };
  const open = (id: string) => {
    setNotice(null);
    window.location.hash = `#/inbox/${encodeURIComponent(id)}`;
  };

  return (
    <section>
      <PageHeading subtitle={it('subtitle')}>{t('feature.inbox.title')}</PageHeading>
      <ErrorAlert error={error} />
      {notice && !selected ? (
        <p role={notice.conflict ? 'alert' : 'status'} className={`notice ${notice.conflict ? 'notice-warning' : 'notice-success'}`} data-testid="inbox-notice">
          {notice.message}
          {notice.details ? <span className="notice-details">{notice.details}</span> : null}
        </p>
      ) : null}
      {selected ? (
        <ApplicationDecision key={selected} id={selected} onDecided={onDecided} />
      ) : items === null ? null : items.length === 0 ? (
        <p className="empty">{it('empty')}</p>
      ) : (
        <div className="card card-flush">
          <table className="data-table" data-testid="inbox-table">
            <thead>
              <tr>
                <th scope="col">{it('company')}</th>
                <th scope="col">{it('step')}</th>
                <th scope="col">{it('waiting')}</th>
                <th scope="col"><span className="visually-hidden">{it('open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.applicationId}-${item.step}`}>
                  <td>
                    <div>{item.companyName}</div>
                    <div className="muted small mono">{item.applicationId}</div>
                  </td>
                  <td><span className="badge badge-primary">{it(`step.${item.step}`)}</span></td>
                  <td>
                    <div className={waitingTone(item.waitingWorkingDays)}>{it('waitingDays', { n: item.waitingWorkingDays })}</div>
                    <div className="muted small">{it('since', { at: formatInstant(item.since) })}</div>
                  </td>
                  <td className="num">
                    <a
                      className="button button-secondary button-small"
                      href={`#/inbox/${encodeURIComponent(item.applicationId)}`}
                      data-application={item.applicationId}
                      onClick={(e) => { e.preventDefault(); open(item.applicationId); }}
                      aria-label={`${it('open')} ${item.companyName}`}
                    >
                      {it('open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
