import { useState } from 'react';
import { useFormDraft } from '../../../components/form-draft';
import type { ZodType } from 'zod';
import { describeError, type ErrorDescription } from '../../../api/describe-error';
import { ApiError } from '../../../api/problem';
import { useI18n } from '../../../i18n/i18n.context';
import { checkWith, type FieldErrors, formField } from './field-issues';
import { useRecordsT } from './records.messages';

/** What every command endpoint answers (apps/api/src/workflows/command-response.ts), as far as a form reads it. */
export interface CommandAnswer { position: number; events: Array<{ type: string }> }

export type RecordForm = ReturnType<typeof useRecordForm>;

/**
 * One record-keeping form's state: what was typed (kept when the API refuses it), the field
 * messages (the domain schema's checks, in the page's language; then the API's refusal beside the
 * field it names), the refusal itself for the error display, and the note after a success.
 */
export function useRecordForm(initial: Record<string, string>, draftName: string | null = null) {
  const { t } = useRecordsT();
  const { t: gt } = useI18n();
  // the typed values survive a reload, Back/Forward and a sign-in (ADR 0034) when the form names its draft
  const draft = useFormDraft(draftName, initial);
  const { value: values, set: setValues } = draft;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const set = (name: string, value: string) => setValues((old) => ({ ...old, [name]: value }));
  const value = (name: string) => values[name] ?? '';

  /** The browser's check with the API's own schema; `extra` for what only the form knows (nothing changed). */
  function check(schema: ZodType, body: unknown, extra: FieldErrors = {}): boolean {
    const found = { ...checkWith(schema, body, t), ...extra };
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
