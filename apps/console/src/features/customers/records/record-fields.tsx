import { useId, type ReactNode } from 'react';
import { DraftNote } from '../../../components/draft-note';
import { ErrorAlert } from '../../../shell/error-alert';
import { useRecordsT } from './records.messages';
import type { RecordForm } from '../../record-kit/use-record-form';

export interface FieldProps {
  form: RecordForm;
  /** the command's field path (`lines.0.quantity`): the schema's and the API's messages land here */
  name: string;
  label: string;
  kind?: 'text' | 'number' | 'date' | 'month' | 'textarea' | 'select' | 'password';
  /** the browser's password manager: `current-password`, `new-password` */
  autoComplete?: string;
  options?: ReadonlyArray<{ value: string; label: string }>;
  hint?: string;
  narrow?: boolean;
  step?: string;
}

/** A labelled input bound to a record form; a refused field gets aria-invalid and its message beside it. */
export function RecordField({ form, name, label, kind = 'text', options, hint, narrow, step, autoComplete }: FieldProps) {
  const id = `${useId()}-${name}`;
  const error = form.errors[name];
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name, value: form.value(name), 'aria-invalid': error ? true : undefined, 'aria-describedby': described };
  const onChange = (e: { target: { value: string } }) => form.set(name, e.target.value);
  return (
    <div className={`field${narrow ? ' field-narrow' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {kind === 'textarea' ? <textarea {...common} rows={2} onChange={onChange} />
        : kind === 'select' ? <select {...common} onChange={onChange}>{options?.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}</select>
          : <input {...common} type={kind} step={kind === 'number' ? (step ?? 'any') : undefined} autoComplete={autoComplete} onChange={onChange} />}
      {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field-error">{error}</span> : null}
    </div>
  );
}

/** The refusal (via describe-error) and the success note under a form. */
export function FormOutcome({ form }: { form: RecordForm }) {
  return (
    <>
      <DraftNote draft={form.draft} />
      <ErrorAlert error={form.failure} />
      {form.note ? <p className="alert alert-success" role="status">{form.note}</p> : null}
    </>
  );
}

/**
 * The second step of an action that cannot be taken back: what will happen, in words, and the
 * button that does it. Focus moves to the question so a keyboard or screen-reader user hears it.
 */
export function ConfirmStep({ question, confirmLabel, busy, onConfirm, onCancel }: { question: string; confirmLabel: string; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useRecordsT();
  const id = useId();
  return (
    <div className="alert alert-warning" role="alertdialog" aria-labelledby={`${id}-q`} data-testid="confirm-step">
      <p id={`${id}-q`} className="alert-message" tabIndex={-1} ref={(el) => el?.focus()}>{question}</p>
      <div className="toolbar">
        <button type="button" className="button button-danger" disabled={busy} onClick={onConfirm}>{busy ? t('sending') : confirmLabel}</button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}

/** A form's heading, intro and body, laid out like the console's command forms. */
export function RecordFormFrame({ title, intro, onSubmit, children }: { title: string; intro?: string; onSubmit(): void; children: ReactNode }) {
  return (
    <form className="command-form" aria-label={title} noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <h3 className="command-title">{title}</h3>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </form>
  );
}
