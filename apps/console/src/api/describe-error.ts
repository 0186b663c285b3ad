import type { I18n } from '../i18n/i18n.context';
import { ApiError } from './problem';

export interface ErrorDescription {
  /** the API's message (and its per-field issues), or a translated network message */
  message: string;
  /** field, rule, status and request id: what support needs to find the request in the log */
  details: string;
}

/** Turns any failure into a readable message plus the field, rule and request id it names. */
export function describeError(error: unknown, t: I18n['t']): ErrorDescription {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error), details: '' };
  if (error.kind === 'network') return { message: t('error.network'), details: error.problem.message };
  const p = error.problem;
  const details = [
    p.field ? t('error.field', { field: p.fieldLabel ?? p.field }) : null,
    p.rule ? t('error.rule', { rule: p.rule }) : null,
    t('error.status', { status: p.statusCode }),
    p.requestId ? t('error.requestId', { id: p.requestId }) : null,
  ].filter(Boolean);
  // the API's 400 message already lists its issues (as `field: message`, or in Chinese with the
  // field's Chinese name): repeat none of them, and never add a raw field path to a Chinese message
  const issues = (p.issues ?? [])
    .filter((i) => i.message !== p.message && !p.message.includes(`${i.field}: ${i.message}`) && !p.message.includes(`：${i.message}`))
    .map((i) => `${i.field}: ${i.message}`);
  return { message: [p.message, ...issues].join('; '), details: details.join(' · ') };
}
