import { useId, useState, type FormEvent } from 'react';
import type { ZodType } from 'zod';
import { describeError, type ErrorDescription } from '../api/describe-error';
import { ApiError } from '../api/problem';
import { fromLocalInput } from '../format/shanghai-time';
import { useI18n } from '../i18n/i18n.context';
import { localMessages } from '../i18n/local-messages';
import { useLocation } from '../router/hash-router';
import { ErrorAlert } from '../shell/error-alert';
import { ConfirmDialog } from './confirm-dialog';
import { DraftNote } from './draft-note';
import { type Issue, issueWords, useIssueWordsT } from './issue-words';
import { CustomerPicker, PeoplePicker, PersonPicker } from './entity-pickers';
import { useFormDraft } from './form-draft';
import './components.css';

const useT = localMessages({
  'zh-CN': { required: '必填', sending: '提交中…' },
  en: { required: 'Required', sending: 'Sending…' },
});

export interface FieldSpec {
  name: string;
  label: string;
  /** `customer` and `person` are pickers: the user searches names (and credit codes), the form sends the id */
  kind?: 'text' | 'textarea' | 'select' | 'number' | 'datetime' | 'list' | 'customer' | 'person' | 'people';
  /** a person picker's role filter (GET /people?role=) */
  role?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  initial?: string;
  optional?: boolean;
  min?: number;
  max?: number;
}

export interface SubmitButton {
  label: string;
  tone?: 'primary' | 'secondary' | 'danger';
  /** a second button may send the same fields elsewhere (approve / send back) */
  send(body: Record<string, unknown>): Promise<unknown>;
  /** fields this button needs (others are ignored for it); all fields by default */
  uses?: readonly string[];
  /** a destructive decision (驳回, 取消资格): asked again in a dialog with this question before sending */
  confirm?: string;
}

interface Props {
  title: string;
  /** false when the surrounding card already shows the title as its heading */
  showTitle?: boolean;
  /** a secondary command: folded under its title until opened */
  collapsed?: boolean;
  intro?: string;
  fields: readonly FieldSpec[];
  buttons: readonly SubmitButton[];
  /** the same zod schema as the API's, keyed by the button's label; checked before sending */
  schemas?: Readonly<Record<string, ZodType>>;
  /**
   * The draft's name (form and instance, ADR 0034); by default the page's route and the title, so
   * the same command on another customer or complaint keeps its own draft. `null`: no draft.
   */
  draft?: string | null;
  onDone(result: unknown): void;
}

type Errors = Record<string, string>;

/**
 * A command as a form: labelled inputs, the domain's own zod schema checked in the browser, and
 * the API's refusal shown beside the field it names (aria-invalid + aria-describedby).
 */
export function CommandForm({ title, showTitle = true, collapsed = false, intro, fields, buttons, schemas = {}, draft: draftName, onDone }: Props) {
  const uid = useId();
  const { t } = useI18n();
  const lt = useT();
  const iw = useIssueWordsT();
  const { path } = useLocation();
  const draft = useFormDraft<Record<string, string>>(draftName === undefined ? `${path}|${title}` : draftName, Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const { value: values, set: setValues } = draft;
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<SubmitButton | null>(null);

  async function submit(button: SubmitButton, event?: FormEvent, confirmed = false) {
    event?.preventDefault();
    const used = fields.filter((f) => !button.uses || button.uses.includes(f.name));
    const missing = Object.fromEntries(used.filter((f) => !f.optional && !values[f.name]?.trim()).map((f) => [f.name, lt.t('required')]));
    const body = bodyOf(used, values);
    const checked = schemas[button.label]?.safeParse(body);
    const invalid = { ...(checked && !checked.success ? issuesOf(checked.error.issues as unknown as Issue[], iw) : {}), ...missing };
    setErrors(invalid);
    setFailure(null);
    if (Object.keys(invalid).length > 0) return;
    if (button.confirm && !confirmed) return setConfirming(button);
    setBusy(true);
    try {
      const result = await button.send(body);
      draft.clear();
      onDone(result);
    } catch (e) {
      setFailure(describeError(e, t));
      if (e instanceof ApiError) setErrors(Object.fromEntries(fields.flatMap((f) => { const m = e.messageFor(f.name); return m ? [[f.name, m]] : []; })));
    } finally {
      setBusy(false);
    }
  }

  const errorId = `${uid}-error`;
  const form = (
    <form className="command-form" onSubmit={(e) => submit(buttons[0], e)} noValidate aria-label={title}>
      {showTitle && !collapsed ? <h3 className="command-title">{title}</h3> : null}
      {intro ? <p className="hint">{intro}</p> : null}
      <DraftNote draft={draft} />
      {fields.map((f) => (
        <Field key={f.name} id={`${uid}-${f.name}`} spec={f} value={values[f.name]} error={errors[f.name]} onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))} />
      ))}
      <ErrorAlert id={errorId} error={failure} />
      <div className="toolbar">
        {buttons.map((b, i) => (
          <button key={b.label} type={i === 0 ? 'submit' : 'button'} className={`button button-${b.tone ?? (i === 0 ? 'primary' : 'secondary')}`} disabled={busy} onClick={i === 0 ? undefined : () => submit(b)}>
            {busy && i === 0 ? lt.t('sending') : b.label}
          </button>
        ))}
      </div>
      {confirming ? (
        <ConfirmDialog
          question={confirming.confirm ?? ''}
          action={confirming.label}
          onConfirm={() => (setConfirming(null), void submit(confirming, undefined, true))}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </form>
  );
  if (!collapsed) return form;
  return (
    <details className="command-details" open={draft.restored && draft.dirty ? true : undefined}>
      <summary>{title}</summary>
      {form}
    </details>
  );
}

function Field({ id, spec, value, error, onChange }: { id: string; spec: FieldSpec; value: string; error?: string; onChange(v: string): void }) {
  const described = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name: spec.name, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, required: !spec.optional };
  const kind = spec.kind ?? 'text';
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      {kind === 'customer' || kind === 'person' || kind === 'people' ? (
        kind === 'customer' ? (
          <CustomerPicker id={id} value={value} onChange={onChange} invalid={Boolean(error)} describedBy={described} />
        ) : kind === 'people' ? (
          <PeoplePicker id={id} value={value} onChange={onChange} role={spec.role} invalid={Boolean(error)} describedBy={described} />
        ) : (
          <PersonPicker id={id} value={value} onChange={onChange} role={spec.role} invalid={Boolean(error)} describedBy={described} />
        )
      ) : kind === 'textarea' ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : kind === 'select' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {spec.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={kind === 'number' ? 'number' : kind === 'datetime' ? 'datetime-local' : 'text'} min={spec.min} max={spec.max} onChange={(e) => onChange(e.target.value)} />
      )}
      {spec.hint ? <span id={`${id}-hint`} className="hint">{spec.hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </div>
  );
}

/** Form strings → the command's JSON: numbers, Beijing-time instants, comma lists; empty optional fields left out. */
export function bodyOf(fields: readonly FieldSpec[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    if (!raw && f.optional) continue;
    const kind = f.kind ?? 'text';
    body[f.name] = kind === 'number' ? Number(raw) : kind === 'datetime' ? (raw ? fromLocalInput(raw) : raw) : kind === 'list' || kind === 'people' ? raw.split(/[,，\s]+/).filter(Boolean) : raw;
  }
  return body;
}

function issuesOf(issues: ReadonlyArray<Issue>, iw: ReturnType<typeof useIssueWordsT>): Errors {
  const out: Errors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (key && !out[key]) out[key] = issueWords(issue, iw);
  }
  return out;
}
