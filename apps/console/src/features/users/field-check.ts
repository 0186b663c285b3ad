import type { Lang } from '../../i18n/i18n.context';
import { fieldOf, type Issue, type Wording } from '../record-kit/field-check';

/** The words an administrator form gives each failed check; the rule itself is the API's zod schema. */
interface IssueWords {
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
}

const WORDS: Record<Lang, IssueWords> = {
  en: {
    required: 'Required', minLength: (n) => `At least ${n} characters`, tooLong: (n) => `At most ${n} characters`,
    atLeast: (n) => `At least ${n}`, atMost: (n) => `At most ${n}`, integer: 'A whole number', number: 'Enter a number',
    url: 'Enter a web address starting with http:// or https://', email: 'Enter an e-mail address', invalid: 'Not valid',
  },
  'zh-CN': {
    required: '必填', minLength: (n) => `至少 ${n} 个字符`, tooLong: (n) => `不能超过 ${n} 个字符`,
    atLeast: (n) => `不能小于 ${n}`, atMost: (n) => `不能超过 ${n}`, integer: '须为整数', number: '请填写数字',
    url: '请填写以 http:// 或 https:// 开头的网址', email: '请填写电子邮件地址', invalid: '格式不正确',
  },
};

/**
 * The administrator screens' wording; `own` gives a field's own rule (a username's pattern), shown
 * when its schema's refinement fails.
 */
export const adminWording = (own: Readonly<Record<string, string>> = {}): Wording => (lang) => (issue) => issueText(issue, WORDS[lang], own[fieldOf(issue.path)]);

function issueText(issue: Issue, words: IssueWords, own: string | undefined): string {
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
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
