import { useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useSignedIn } from '../../auth/session.context';
import { DraftNote } from '../../components/draft-note';
import { useFormDraft } from '../../components/form-draft';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorAlert } from '../../shell/error-alert';
import { toForm, type ApplicationDraft } from './application-draft';
import { useApplicationT } from './application.messages';
import { checkForm, fieldKey, useIssueT, type FieldErrors } from './form-issues';
import { ClassSection, CompanySection, IdentifiersSection, InvoicingSection } from './form-sections';
import { ContactsSection, DocumentsSection } from './list-sections';
import { BlockingLink, SavedDraftNotice } from './submit-outcome';

interface CommandResponse { id: string; state: string; position: number }
export interface Done { message: string; position: number }

/** The API's refusal placed beside the input it names (`form.identifiers.creditCode` → creditCode). */
function apiFieldErrors(e: unknown): FieldErrors {
  if (!(e instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const i of e.problem.issues ?? []) out[fieldKey(i.field.split('.'))] ??= i.message;
  if (e.problem.field) out[fieldKey(e.problem.field.split('.'))] ??= e.problem.message;
  return out;
}

function focusFirst(errors: FieldErrors) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const id = first === 'customerClass' ? 'app-salesObject' : `app-${first.replace(/\./g, '-')}`;
  const el = document.getElementById(id) ?? document.querySelector<HTMLElement>('[aria-invalid="true"]');
  el?.focus();
}

/** The account-opening form: checked by the domain schema in the browser, saved, submitted. */
export function ApplicationEditor({ initial, applicationId, returned, onDone }: { initial: ApplicationDraft; applicationId?: string; returned?: boolean; onDone(done: Done): void }) {
  const { t } = useApplicationT();
  const { t: it } = useIssueT();
  const { t: gt } = useI18n();
  const { api } = useSignedIn();
  // kept on this computer until saved or submitted (ADR 0034): a reload or an expired session loses nothing
  const local = useFormDraft(`application/${applicationId ?? 'new'}`, initial);
  const { value: draft, set: setDraft } = local;
  const [id, setId] = useState(applicationId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  // created here, then refused at submit: a draft on the server holds the company until submitted or withdrawn
  const [kept, setKept] = useState<{ id: string; company: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ApplicationDraft>) => setDraft((old) => ({ ...old, ...patch }));

  async function save(): Promise<CommandResponse> {
    const form = toForm(draft);
    if (id) return api.put<CommandResponse>(`/applications/${encodeURIComponent(id)}`, { form });
    const created = await api.post<CommandResponse>('/applications', { form });
    setId(created.id);
    return created;
  }

  async function run(action: 'save' | 'submit', event?: FormEvent) {
    event?.preventDefault();
    const found = checkForm(toForm(draft), it);
    setErrors(found);
    setFailure(Object.keys(found).length ? { message: t('fixErrors', { n: Object.keys(found).length }), details: '' } : null);
    if (Object.keys(found).length) return focusFirst(found);
    setBusy(true);
    setRefusal(null);
    const company = draft.companyName.trim();
    try {
      const saved = await save();
      if (action === 'save') {
        local.clear();
        return onDone({ message: t('saved', { company }), position: saved.position });
      }
      // the values stay on screen until the submit went through: a refusal there is fixed in place
      local.keep();
      if (!applicationId) setKept({ id: saved.id, company });
      const submitted = await api.post<CommandResponse>(`/applications/${encodeURIComponent(saved.id)}/submit`);
      local.clear();
      onDone({ message: t('submitted', { company }), position: submitted.position });
    } catch (e) {
      const fromApi = apiFieldErrors(e);
      setErrors(fromApi);
      setFailure(describeError(e, gt));
      setRefusal(e);
      focusFirst(fromApi);
    } finally {
      setBusy(false);
    }
  }

  const sectionProps = { draft, errors, set };
  return (
    <>
      <form className="application-form" noValidate onSubmit={(e) => void run('submit', e)} aria-labelledby="application-form-title">
        <DraftNote draft={local} />
        <CompanySection {...sectionProps} />
        <IdentifiersSection {...sectionProps} />
        <InvoicingSection {...sectionProps} />
        <ContactsSection {...sectionProps} />
        <ClassSection {...sectionProps} />
        <DocumentsSection {...sectionProps} />
        <ErrorAlert error={failure} />
        <BlockingLink error={refusal} />
        <div className="toolbar form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {returned ? t('resubmit') : t('submit')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('save')}>
            {t('saveDraft')}
          </button>
          <a className="button button-ghost" href="#/new-application">
            {t('cancel')}
          </a>
        </div>
      </form>
      {/* outside the form: Enter in the withdrawal's reason must not submit the application */}
      {kept && !busy ? (
        <SavedDraftNotice applicationId={kept.id} company={kept.company} onWithdrawn={(position) => onDone({ message: t('draftWithdrawn', { company: kept.company }), position })} />
      ) : null}
    </>
  );
}
