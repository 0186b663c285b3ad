import type { ZodType } from 'zod';
import type { RecordsKey, RecordsT } from './records.messages';

/** A zod v4 issue as far as the words need it. */
interface Issue { code: string; path: readonly PropertyKey[]; message: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string; expected?: string }

export type FieldErrors = Record<string, string>;

/** Where an issue is shown: the input named by its dotted path (`lines.0.pickupWindow.from`). */
export const fieldOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * The domain schema's issue in the page's language. The rule is the schema's (the API runs the same
 * one); the words are chosen by which check failed, never copied from the schema's English.
 */
export function issueText(issue: Issue, t: RecordsT): string {
  const [key, params] = keyOf(issue);
  return t(key, params);
}

function keyOf(issue: Issue): [RecordsKey, Record<string, string | number>?] {
  const bound = (n: number | bigint | undefined) => Number(n ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return ['issue.oneLine'];
      if (issue.origin === 'string') return ['issue.required'];
      return bound(issue.minimum) === 0 ? ['issue.positive'] : ['issue.atLeast', { min: bound(issue.minimum) }];
    case 'too_big':
      return issue.origin === 'string' ? ['issue.tooLong', { max: bound(issue.maximum) }] : ['issue.atMost', { max: bound(issue.maximum) }];
    case 'invalid_type':
      if (issue.expected === 'int') return ['issue.integer'];
      return issue.expected === 'number' && !issue.message.endsWith('undefined') ? ['issue.number'] : ['issue.required'];
    default:
      // the schema's own refinements (IsoDate, IsoMonth, safeText), told apart by what they check
      if (/calendar date/.test(issue.message)) return ['issue.date'];
      if (/month/.test(issue.message)) return ['issue.month'];
      if (/zero-width/.test(issue.message)) return ['issue.unsafe'];
      return ['issue.invalid'];
  }
}

/** Checks a candidate body with the domain's schema; the first message per input, in the page's language. */
export function checkWith(schema: ZodType, body: unknown, t: RecordsT): FieldErrors {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues as Issue[]) errors[fieldOf(issue.path)] ??= issueText(issue, t);
  return errors;
}

/** The API names a command's field as `data.<field>`; the form names it without the envelope. */
export const formField = (apiField: string | undefined): string | undefined => apiField?.replace(/^data\./, '');
