import type { ZodType } from 'zod';
import type { Lang } from '../../i18n/i18n.context';

/** A zod v4 issue as far as a form's words need it. */
export interface Issue { code: string; path: readonly PropertyKey[]; message: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string; expected?: string }

export type FieldErrors = Record<string, string>;

/**
 * The words one family of forms gives a failed check, in the page's language. The rule is always
 * the API's zod schema; only the words differ (the record forms name dates and months, the
 * administrator forms addresses and a field's own pattern).
 */
export type Wording = (lang: Lang) => (issue: Issue) => string;

/** Where an issue is shown: the input named by its dotted path (`lines.0.pickupWindow.from`). */
export const fieldOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Checks a candidate body with the API's own schema; the first message per input. */
export function checkFields(schema: ZodType, body: unknown, words: (issue: Issue) => string): FieldErrors {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues as Issue[]) errors[fieldOf(issue.path)] ??= words(issue);
  return errors;
}

/** The API names a command's field as `data.<field>` (a route's body as `body.<field>`); the form names it without the envelope. */
export const formField = (apiField: string | undefined): string | undefined => apiField?.replace(/^(data|body)\./, '');
