import type { Wording } from '../record-kit/field-check';
import { RECORD_WORDING } from '../customers/records/field-issues';

/**
 * The record forms' words, plus the development plan's own refinements (a quarter as 2026-Q4,
 * a week named by its Monday, R-DEV-3), told apart by what they check; the rule stays the schema's.
 */
export const PLAN_WORDING: Wording = (lang) => {
  const base = RECORD_WORDING(lang);
  return (issue) => {
    if (/quarter as/.test(issue.message)) return lang === 'en' ? 'Enter a quarter such as 2026-Q4' : '请填写季度，例如 2026-Q4';
    if (/Monday/.test(issue.message)) return lang === 'en' ? 'R-DEV-3: a weekly summary is named by the Monday its week starts on' : 'R-DEV-3：周报以该周的周一命名，请选择周一';
    if (/target ids must be unique/.test(issue.message)) return lang === 'en' ? 'Each target only once' : '开发目标不能重复';
    // a budget may be nothing (Yuan is nonnegative): not "more than 0"
    if (issue.code === 'too_small' && issue.origin === 'number' && Number(issue.minimum) === 0 && (issue as { inclusive?: boolean }).inclusive) return lang === 'en' ? 'At least 0' : '不能小于 0';
    return base(issue);
  };
};

/** A Beijing calendar date as the end of that day, the plan's deadline instant. */
export const endOfBeijingDay = (date: string): string | undefined => (date ? `${date}T23:59:59+08:00` : undefined);

/** The Beijing calendar date of an instant (for a deadline shown back in a date input). */
export const beijingDateOf = (instant: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
