import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useSignedIn } from '../../auth/session.context';
import { ApplicationFormView, ApplicationHistory, type ApplicationDetail } from '../../components/application-view';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { AdmissionFields, criteriaFor, type Evidence } from './admission-fields';
import { useInboxT } from './inbox.messages';

type Action = 'approve' | 'reject' | 'return';
export interface Decided { message: string; position?: number; conflict?: boolean; details?: string }

/** One application to decide: the form and history on the left, the decision on the right. */
export function ApplicationDecision({ id, onDecided }: { id: string; onDecided(result: Decided): void }) {
  const { t: it } = useInboxT();
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  const [comment, setComment] = useState('');
  const [checks, setChecks] = useState({ taxRegistration: false, invoicingData: false });
  const [evidence, setEvidence] = useState<Evidence>({});
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`).then(setApp, (e) => setError(describeError(e, t)));
  }, [api, id, t]);
  if (!app) return <ErrorAlert error={error} />;
  const step = app.pending?.step;
  const criteria = step === 'sales' ? criteriaFor(app.form.productLine, app.form.customerClass) : [];

  const refusal = (action: Action): string | null => {
    if (action === 'reject' && !comment.trim()) return it('reasonRequired');
    if (action === 'return' && !comment.trim()) return it('commentRequired');
    if (action === 'approve' && step === 'finance' && !(checks.taxRegistration && checks.invoicingData)) return it('checksRequired');
    if (action === 'approve' && criteria.some((c) => !evidence[c]?.trim())) return it('admissionRequired');
    return null;
  };

  const bodyFor = (action: Action) => {
    if (action === 'reject') return { reason: comment.trim() };
    if (action === 'return') return { comment: comment.trim() };
    const admission = criteria.map((criterion) => ({ criterion, evidence: (evidence[criterion] ?? '').trim() }));
    return { comment: comment.trim() || undefined, ...(step === 'finance' ? { checked: checks } : {}), ...(admission.length ? { admission } : {}) };
  };

  // a race lost at the store is a 409; a decision on a step that has moved on since the screen
  // was drawn is refused by the rules (422): either way, if the step is no longer ours, say so
  const someoneElseActed = async (e: ApiError): Promise<boolean> => {
    if (e.status === 409) return true;
    if (e.status !== 422) return false;
    const fresh = await api.get<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`).catch(() => null);
    return fresh !== null && fresh.pending?.step !== step;
  };

  const decide = async (action: Action) => {
    if (!step) return;
    const problem = refusal(action);
    if (problem) return setError({ message: problem, details: '' });
    setBusy(true);
    try {
      const result = await api.post<{ position: number }>(`/applications/${encodeURIComponent(id)}/steps/${step}/${action}`, bodyFor(action));
      onDecided({ message: it(`done.${action}`, { company: app.companyName, step: it(`step.${step}`) }), position: result.position });
    } catch (e) {
      if (e instanceof ApiError && (await someoneElseActed(e))) onDecided({ message: it('conflict'), details: e.problem.message, conflict: true });
      else setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="detail-layout">
      <article aria-labelledby="application-title" className="card">
        <div className="card-header">
          <h2 id="application-title">{it('detail', { id })}</h2>
          {step ? <span className="badge badge-primary">{it(`step.${step}`)}</span> : null}
        </div>
        <p className="application-company">{app.companyName}</p>
        <ApplicationFormView form={app.form} />
      </article>
      <aside className="detail-side">
        {step ? (
          <form onSubmit={(e) => e.preventDefault()} className="card decision-form" aria-labelledby="decision-title">
            <h2 id="decision-title">{it('decision')}</h2>
            <div className="field">
              <label htmlFor="decision-comment">{it('comment')}</label>
              <textarea id="decision-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} aria-describedby="decision-comment-hint" />
              <span id="decision-comment-hint" className="hint">{it('commentHint')}</span>
            </div>
            {step === 'finance' ? (
              <fieldset>
                <legend>{it('financeChecks')}</legend>
                <label className="checkbox"><input type="checkbox" checked={checks.taxRegistration} onChange={(e) => setChecks({ ...checks, taxRegistration: e.target.checked })} /> {it('checkTax')}</label>
                <label className="checkbox"><input type="checkbox" checked={checks.invoicingData} onChange={(e) => setChecks({ ...checks, invoicingData: e.target.checked })} /> {it('checkInvoicing')}</label>
              </fieldset>
            ) : null}
            <AdmissionFields criteria={criteria} value={evidence} onChange={setEvidence} />
            <ErrorAlert error={error} />
            <div className="toolbar">
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('approve')}>{it('approve')}</button>
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void decide('return')}>{it('return')}</button>
              <button type="button" className="button button-danger" disabled={busy} onClick={() => void decide('reject')}>{it('reject')}</button>
            </div>
          </form>
        ) : null}
        <div className="card">
          <ApplicationHistory history={app.history} />
        </div>
        <p><a href="#/inbox">← {it('back')}</a></p>
      </aside>
    </div>
  );
}
