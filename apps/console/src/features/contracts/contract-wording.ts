import type { Wording } from '../record-kit/field-check';
import { RECORD_WORDING } from '../customers/records/field-issues';

const ENDS_AFTER_START = { 'zh-CN': '合同的结束日期须晚于开始日期', en: 'A contract ends after it starts' } as const;

/** The record forms' words, and R-ARC-5's own refinement in the words the API uses for it (issue-messages.zh-cn.ts). */
export const CONTRACT_WORDING: Wording = (lang) => {
  const record = RECORD_WORDING(lang);
  return (issue) => (/contract ends after it starts/.test(issue.message) ? ENDS_AFTER_START[lang] : record(issue));
};
