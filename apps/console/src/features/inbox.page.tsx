import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/problem';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { useSignedIn } from '../auth/session.context';
import { formatInstant } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeading } from '../shell/page-heading';
import type { FeaturePageProps } from './feature-pages';
import { useInboxT } from './inbox/inbox.messages';
import '../components/components.css';

interface InboxItem {
  applicationId: string;
  companyName: string;
  step: 'sales' | 'finance' | 'generalManager';
  since: string;
  waitingWorkingDays: number;
}
interface Application {
  applicationId: string;
  companyName: string;
  pending: { step: InboxItem['step'] } | null;
  form: { identifiers: Record<string, string>; invoicing: Record<string, string>; documents: Array<{ kind: string; number: string; validFrom: string; validUntil: string }> };
  history: Array<{ eventId: string; type: string; by: string; byName: string | null; comment: string | null; at?: string; step: string | null }>;
}

/** The approver's inbox (审批待办): pending steps for my role, then one application to decide. */
export default function InboxPage({ segments }: FeaturePageProps) {
  const { t: it } = useInboxT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const selected = segments[0];

  const load = useCallback(
    async (minPosition?: number) => {
      try {
        const page = await api.get<{ items: InboxItem[] }>('/inbox', { minPosition });
        setItems(page.items);
        setError(null);
      } catch (e) {
        setError(describeError(e, t));
      }
    },
    [api, t],
  );
  useEffect(() => void load(), [load]);

  const onDecided = (message: string, position?: number) => {
    setNotice(message);
    window.location.hash = '#/inbox';
    void load(position);
  };

  return (
    <section>
      <PageHeading subtitle={it('subtitle')}>{t('feature.inbox.title')}</PageHeading>
      <ErrorAlert error={error} />
      {notice && (
        <p role="status" className="notice" data-testid="inbox-notice">
          {notice}
        </p>
      )}
      {selected ? (
        <ApplicationDecision id={selected} onDecided={onDecided} />
      ) : items === null ? null : items.length === 0 ? (
        <p>{it('empty')}</p>
      ) : (
        <div className="card">
        <table className="data-table" data-testid="inbox-table">
          <thead>
            <tr>
              <th scope="col">{it('company')}</th>
              <th scope="col">{it('step')}</th>
              <th scope="col">{it('waiting')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.applicationId}-${item.step}`}>
                <td>{item.companyName}</td>
                <td>{it(`step.${item.step}`)}</td>
                <td>{it('waitingDays', { n: item.waitingWorkingDays })}</td>
                <td>
                  <a href={`#/inbox/${encodeURIComponent(item.applicationId)}`} data-application={item.applicationId}>
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

function ApplicationDecision({ id, onDecided }: { id: string; onDecided: (message: string, position?: number) => void }) {
  const { t: it } = useInboxT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [app, setApp] = useState<Application | null>(null);
  const [comment, setComment] = useState('');
  const [checks, setChecks] = useState({ taxRegistration: false, invoicingData: false });
  const [error, setError] = useState<ErrorDescription | null>(null);

  useEffect(() => {
    api.get<Application>(`/applications/${encodeURIComponent(id)}`).then(setApp, (e) => setError(describeError(e, t)));
  }, [api, id, t]);
  if (!app) return <ErrorAlert error={error} />;
  const step = app.pending?.step;

  const decide = async (action: 'approve' | 'reject' | 'return') => {
    if (!step) return;
    if (action !== 'approve' && !comment.trim()) {
      setError({ message: action === 'reject' ? it('reasonRequired') : it('commentRequired') , details: '' });
      return;
    }
    const body =
      action === 'approve'
        ? { comment: comment.trim() || undefined, ...(step === 'finance' ? { checked: checks } : {}) }
        : action === 'reject'
          ? { reason: comment.trim() }
          : { comment: comment.trim() };
    try {
      const result = await api.post<{ state: string; position: number }>(`/applications/${encodeURIComponent(id)}/steps/${step}/${action}`, body);
      onDecided(it('done', { state: result.state }), result.position);
    } catch (e) {
      if (e instanceof ApiError && (await someoneElseActed(e))) onDecided(it('conflict', { message: e.problem.message }));
      else setError(describeError(e, t));
    }
  };

  // a race lost at the store is a 409; a decision on a step that has moved on since the screen was
  // drawn is refused by the rules (422): either way, if the step is no longer ours, say so plainly
  const someoneElseActed = async (e: ApiError): Promise<boolean> => {
    if (e.problem.statusCode === 409) return true;
    if (e.problem.statusCode !== 422) return false;
    const fresh = await api.get<Application>(`/applications/${encodeURIComponent(id)}`).catch(() => null);
    return fresh !== null && fresh.pending?.step !== step;
  };

  return (
    <article aria-labelledby="application-title" className="card">
      <h2 id="application-title">{it('detail', { id })}</h2>
      <p>
        <strong>{app.companyName}</strong> — {step ? it(`step.${step}`) : ''}
      </p>
      <h3>{it('identifiers')}</h3>
      <p>{Object.values(app.form.identifiers).filter((v) => v !== 'unified' && v !== 'separate').join(' / ')}</p>
      <h3>{it('invoicing')}</h3>
      <p>{Object.values(app.form.invoicing).join(' · ')}</p>
      <h3>{it('documents')}</h3>
      <ul>
        {app.form.documents.map((d) => (
          <li key={`${d.kind}-${d.number}`}>
            {d.kind} {d.number} — {it('validity')} {d.validFrom} ~ {d.validUntil}
          </li>
        ))}
      </ul>
      <h3>{it('history')}</h3>
      <ol data-testid="application-history">
        {app.history.map((h) => (
          <li key={h.eventId}>
            {h.type} — {h.byName ?? h.by}
            {h.at ? ` (${formatInstant(h.at)})` : ''}
            {h.comment ? `：${h.comment}` : ''}
          </li>
        ))}
      </ol>
      {step && (
        <form onSubmit={(e) => e.preventDefault()} className="command-form">
          <label>
            {it('comment')}
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
          </label>
          {step === 'finance' && (
            <fieldset>
              <label>
                <input type="checkbox" checked={checks.taxRegistration} onChange={(e) => setChecks({ ...checks, taxRegistration: e.target.checked })} /> {it('checkTax')}
              </label>
              <label>
                <input type="checkbox" checked={checks.invoicingData} onChange={(e) => setChecks({ ...checks, invoicingData: e.target.checked })} /> {it('checkInvoicing')}
              </label>
            </fieldset>
          )}
          <ErrorAlert error={error} />
          <div className="toolbar">
            <button type="button" className="button button-primary" onClick={() => void decide('approve')}>
              {it('approve')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void decide('return')}>
              {it('return')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void decide('reject')}>
              {it('reject')}
            </button>
          </div>
        </form>
      )}
      <p>
        <a href="#/inbox">{it('back')}</a>
      </p>
    </article>
  );
}
