import type { Lang } from '../../i18n/i18n.context';
import type { IssueWords } from './field-check';

/** The administrator screens' words for a failed field check, in both languages. */
export function issueWords(lang: Lang, own: Readonly<Record<string, string>> = {}): IssueWords {
  return lang === 'en'
    ? {
        required: 'Required', minLength: (n) => `At least ${n} characters`, tooLong: (n) => `At most ${n} characters`,
        atLeast: (n) => `At least ${n}`, atMost: (n) => `At most ${n}`, integer: 'A whole number', number: 'Enter a number',
        url: 'Enter a web address starting with http:// or https://', email: 'Enter an e-mail address', invalid: 'Not valid', own,
      }
    : {
        required: '必填', minLength: (n) => `至少 ${n} 个字符`, tooLong: (n) => `不能超过 ${n} 个字符`,
        atLeast: (n) => `不能小于 ${n}`, atMost: (n) => `不能超过 ${n}`, integer: '须为整数', number: '请填写数字',
        url: '请填写以 http:// 或 https:// 开头的网址', email: '请填写电子邮件地址', invalid: '格式不正确', own,
      };
}
