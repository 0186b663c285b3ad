import { interpolate } from '../../../i18n/interpolate';
import type { Issue, Wording } from '../../record-kit/field-check';
import { RECORDS_EN, RECORDS_ZH, type RecordsKey } from './records.messages';

/**
 * The record forms' words for a failed check: chosen by which check failed, never copied from the
 * schema's English (the rule is the domain schema's; the API runs the same one).
 */
export const RECORD_WORDING: Wording = (lang) => {
  const dictionary = lang === 'en' ? RECORDS_EN : RECORDS_ZH;
  return (issue) => {
    const [key, params] = keyOf(issue);
    return interpolate(dictionary[key], params);
  };
};

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
