import { useEffect, useState } from 'react';
import { useFormDraft } from '../../components/form-draft';
import type { ZodType } from 'zod';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { ApiError } from '../../api/problem';
import { useI18n } from '../../i18n/i18n.context';
import { checkFields, type FieldErrors } from './field-check';
import { issueWords } from './issue-words';

export type AdminForm = ReturnType<typeof useAdminForm>;

/**
 * One administrator form's state, shaped like the record forms' (customers/records) so their
 * fields and outcome display serve it: what was typed (kept when the API refuses it), the field
 * messages (the API's schema checked in the browser, then the API's refusal beside the field it
 * names), the refusal for the error display, and the note after a success.
 */
export function useAdminForm(initial: Record<string, string>, own: Readonly<Record<string, string>> = {}, draftName: string | null = null) {
  const { t: gt, lang } = useI18n();
  // the record forms' draft (ADR 0034): kept in the browser only when the form names one
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

  function check(schema: ZodType, body: unknown, extra: FieldErrors = {}): boolean {
    const found = { ...checkFields(schema, body, issueWords(lang, own)), ...extra };
    setErrors(found);
    setFailure(null);
    setNote(null);
    return Object.keys(found).length === 0;
  }

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
  const strip = (f: string | undefined) => f?.replace(/^(data|body)\./, '');
  const field = strip(e.problem.field);
  if (field) errors[field] = e.problem.message;
  for (const issue of e.problem.issues ?? []) {
    const name = strip(issue.field);
    if (name) errors[name] ??= issue.message;
  }
  return errors;
}
