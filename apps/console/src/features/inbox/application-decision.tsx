import { useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useSignedIn } from '../../auth/session.context';
import { ApplicationFormView, ApplicationHistory, type ApplicationDetail } from '../../components/application-view';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DraftNote } from '../../components/draft-note';
import { useFormDraft } from '../../components/form-draft';
import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { AdmissionFields, criteriaFor, type Evidence } from './admission-fields';
import { useInboxT } from './inbox.messages';
import { StepStanding } from './step-standing';

type Action = 'approve' | 'reject' | 'return';
export interface Decided { message: string; position?: number; conflict?: boolean; details?: string }

/** One application to decide: the form and history on the left, the decision on the right. */
export function ApplicationDecision({ id, onDecided }: { id: string; onDecided(result: Decided): void }) {
  const { t: it } = useInboxT();
  const { t } = useI18n();
  const { t: lt } = useOnboardingLabels();
  const { api, session } = useSignedIn();
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  // the step this screen decides: it stays when someone else decides it first, so the loser keeps their form
  const [step, setStep] = useState<NonNullable<ApplicationDetail['pending']>['step'] | undefined>(undefined);
  const draft = useFormDraft(`application/${id}/decision`, { comment: '', checks: { taxRegistration: false, invoicingData: false }, evidence: {} as Evidence });
  const { comment, checks, evidence } = draft.value;
  const setComment = (value: string) => draft.set((old) => ({ ...old, comment: value }));
  const setChecks = (value: typeof checks) => draft.set((old) => ({ ...old, checks: value }));
  const setEvidence = (value: Evidence) => draft.set((old) => ({ ...old, evidence: value }));
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [lost, setLost] = useState<string | null>(null);

  useEffect(() => {
    api.get<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`).then((a) => (setApp(a), setStep(a.pending?.step)), (e) => setError(describeError(e, t)));
  }, [api, id, t]);
  if (!app) return <ErrorAlert error={error} />;
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
  // the application as it is now when someone else decided the step first (409 at the store, or 422 from the rules)
  const someoneElseActed = async (e: ApiError): Promise<ApplicationDetail | null> => {
    if (e.status !== 409 && e.status !== 422) return null;
    const fresh = await api.get<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`).catch(() => null);
    return fresh !== null && fresh.pending?.step !== step ? fresh : null;
  };

  /** Who decided first, and what: the newest entry of the history not written by the viewer. */
  const firstDecision = (fresh: ApplicationDetail): string => {
    const winner = [...fresh.history].reverse().find((h) => h.by !== session.user.id);
    if (!winner) return it('conflict');
    return it('conflictBy', { who: winner.byName ?? winner.by, at: formatInstant(winner.at), what: labelOr(lt, `event.${winner.type}`) });
  };

  const decide = async (action: Action, confirmed = false) => {
    if (!step || lost) return;
    const problem = refusal(action);
    if (problem) return setError({ message: problem, details: '' });
    if (action === 'reject' && !confirmed) return setConfirming(true);
    setBusy(true);
    try {
      const result = await api.post<{ position: number }>(`/applications/${encodeURIComponent(id)}/steps/${step}/${action}`, bodyFor(action));
      draft.clear();
      onDecided({ message: it(`done.${action}`, { company: app.companyName, step: it(`step.${step}`) }), position: result.position });
    } catch (e) {
      const fresh = e instanceof ApiError ? await someoneElseActed(e) : null;
      if (fresh) {
        setApp(fresh);
        setLost(firstDecision(fresh));
        setError(null);
      } else setError(describeError(e, t));
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
            <StepStanding applicationId={id} />
            {lost ? <p className="alert alert-warning" role="alert" data-testid="decision-conflict">{lost}</p> : null}
            <DraftNote draft={draft} />
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
              <button type="button" className="button button-primary" disabled={busy || lost !== null} onClick={() => void decide('approve')}>{it('approve')}</button>
              <button type="button" className="button button-secondary" disabled={busy || lost !== null} onClick={() => void decide('return')}>{it('return')}</button>
              <button type="button" className="button button-danger" disabled={busy || lost !== null} onClick={() => void decide('reject')}>{it('reject')}</button>
            </div>
            {confirming ? (
              <ConfirmDialog
                question={it('rejectConfirm', { company: app.companyName })}
                action={it('reject')}
                onConfirm={() => (setConfirming(false), void decide('reject', true))}
                onCancel={() => setConfirming(false)}
              />
            ) : null}
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
