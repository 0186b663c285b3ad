import { useEffect, useState } from 'react';
import type { ZodType } from 'zod';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useFormDraft } from '../../components/form-draft';
import { useI18n } from '../../i18n/i18n.context';
import { checkFields, type FieldErrors, formField, type Wording } from './field-check';

/** What every command endpoint answers (apps/api/src/workflows/command-response.ts), as far as a form reads it. */
export interface CommandAnswer { position: number; events: Array<{ type: string }> }

export type RecordForm = ReturnType<typeof useRecordForm>;

export interface RecordFormOptions {
  /** the words for a failed check: the record forms' (`RECORD_WORDING`) or the administrator's (`adminWording`) */
  wording: Wording;
  /** the draft's name (form and instance, ADR 0034); without one nothing is kept in the browser */
  draft?: string | null;
}

/**
 * One form's state, for the record-keeping and the administrator screens alike: what was typed
 * (kept when the API refuses it), the field messages (the API's schema checked in the browser, in
 * the page's language; then the API's refusal beside the field it names), the refusal itself for
 * the error display, and the note after a success.
 */
export function useRecordForm(initial: Record<string, string>, { wording, draft: draftName = null }: RecordFormOptions) {
  const { t: gt, lang } = useI18n();
  const draft = useFormDraft(draftName, initial);
  const { value: values, set: setValues } = draft;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  // a note or refusal is worded in the language it came in: switching language drops it rather than mix two
  useEffect(() => { setNote(null); setFailure(null); setErrors({}); }, [lang]);

  const set = (name: string, value: string) => setValues((old) => ({ ...old, [name]: value }));
  const value = (name: string) => values[name] ?? '';

  /** The browser's check with the API's own schema; `extra` for what only the form knows (nothing changed). */
  function check(schema: ZodType, body: unknown, extra: FieldErrors = {}): boolean {
    const found = { ...checkFields(schema, body, wording(lang)), ...extra };
    setErrors(found);
    setFailure(null);
    setNote(null);
    return Object.keys(found).length === 0;
  }

  /** Sends; on success shows `success`, and clears the inputs (and the draft) when `reset`; on a refusal keeps them. */
  async function send<R>(call: () => Promise<R>, success: (answer: R) => string, options: { reset?: boolean } = {}): Promise<R | null> {
    setBusy(true);
    try {
      const answer = await call();
      setNote(success(answer));
      if (options.reset) draft.clear();
      else draft.keep();
      return answer;
    } catch (e) {
      setFailure(describeError(e, gt));
      setErrors(e instanceof ApiError ? apiFieldErrors(e) : {});
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { values, value, set, setValues, errors, failure, busy, note, check, send, draft };
}

function apiFieldErrors(e: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  const field = formField(e.problem.field);
  if (field) errors[field] = e.problem.message;
  for (const issue of e.problem.issues ?? []) {
    const name = formField(issue.field);
    if (name) errors[name] ??= issue.message;
  }
  return errors;
}
