import { localMessages } from '../i18n/local-messages';

export const useIssueWordsT = localMessages({
  'zh-CN': { required: '必填', tooLong: '不能超过 {n} 个字符', atMost: '不能大于 {n}', atLeast: '不能小于 {n}', atLeastItems: '至少 {n} 项', number: '请填写数字', integer: '须为整数', invalid: '格式不正确' },
  en: { required: 'Required', tooLong: 'At most {n} characters', atMost: 'At most {n}', atLeast: 'At least {n}', atLeastItems: 'At least {n} items', number: 'Enter a number', integer: 'A whole number', invalid: 'Not valid' },
});
type IssueWordsT = ReturnType<typeof useIssueWordsT>;

/** A zod issue as far as its words need it. */
export interface Issue { path: PropertyKey[]; message: string; code?: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string }

const CJK = /[\u3400-\u9fff]/;

/**
 * The domain schema's issue in the page's language: a schema's own Chinese message as written in
 * Chinese, otherwise the words for the check that failed — never zod's English default (issue 16).
 */
export function issueWords(issue: Issue, lt: IssueWordsT): string {
  if (lt.lang === 'zh-CN' && CJK.test(issue.message)) return issue.message;
  const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? lt.t('required') : issue.origin === 'array' ? lt.t('atLeastItems', { n }) : lt.t('atLeast', { n });
    case 'too_big':
      return lt.t(issue.origin === 'string' ? 'tooLong' : 'atMost', { n });
    case 'invalid_type':
      return issue.message.endsWith('undefined') ? lt.t('required') : lt.t(issue.expected === 'int' ? 'integer' : issue.expected === 'number' ? 'number' : 'invalid');
    default:
      return lt.lang === 'en' && !CJK.test(issue.message) && !/^(?:Invalid|Too |Unrecognized)/.test(issue.message) ? issue.message : lt.t('invalid');
  }
}

