import type { ZodType } from 'zod';

/** A zod v4 issue as far as the words need it. */
interface Issue { code: string; path: readonly PropertyKey[]; message: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string; format?: string }

export type FieldErrors = Record<string, string>;

/** The words a form gives each failed check; the rule itself is the API's zod schema. */
export interface IssueWords {
  required: string;
  minLength(min: number): string;
  tooLong(max: number): string;
  atLeast(min: number): string;
  atMost(max: number): string;
  integer: string;
  number: string;
  url: string;
  email: string;
  invalid: string;
  /** a field's own rule (a username's pattern), when its schema's refinement fails */
  own?: Readonly<Record<string, string>>;
}

const fieldOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export function issueText(issue: Issue, words: IssueWords): string {
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
  const own = words.own?.[fieldOf(issue.path)];
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return n(issue.minimum) <= 1 ? words.required : words.minLength(n(issue.minimum));
      if (issue.origin === 'array') return words.required;
      return words.atLeast(n(issue.minimum));
    case 'too_big':
      return issue.origin === 'string' ? words.tooLong(n(issue.maximum)) : words.atMost(n(issue.maximum));
    case 'invalid_type':
      if (issue.expected === 'int') return words.integer;
      return issue.expected === 'number' && !issue.message.endsWith('undefined') ? words.number : words.required;
    case 'invalid_format':
      if (issue.format === 'url') return words.url;
      if (issue.format === 'email') return words.email;
      return own ?? words.invalid;
    default:
      return own ?? words.invalid;
  }
}

/** Checks a candidate body with the API's own schema; the first message per input, in the page's language. */
export function checkFields(schema: ZodType, body: unknown, words: IssueWords): FieldErrors {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues as Issue[]) errors[fieldOf(issue.path)] ??= issueText(issue, words);
  return errors;
}
