import type { SchemaIssue } from './issue-messages.zh-cn';

/** zod's own English ("Too small: expected string to have >=1 characters"), as opposed to a schema's message. */
const ZOD_DEFAULT = /^(?:Too (?:small|big)|Invalid (?:input|string|option|key|element|type)|Invalid$|Unrecognized keys?|Expected )/;

/** `form.documents.0.number` → form › documents › item 1 › number: the path in words. */
export function enFieldLabel(path: string): string {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? `item ${Number(part) + 1}` : part.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())).join(' › ');
}

const UNIT: Readonly<Record<string, string>> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' };

function bound(issue: SchemaIssue, which: 'min' | 'max'): string {
  const n = which === 'min' ? issue.minimum : issue.maximum;
  const unit = UNIT[issue.origin ?? ''];
  if (unit) return `${which === 'min' ? 'at least' : 'at most'} ${n} ${unit}`;
  if (issue.origin === 'date') return `${which === 'min' ? 'not before' : 'not after'} ${n}`;
  const strict = issue.inclusive === false;
  return which === 'min' ? (strict ? `more than ${n}` : `at least ${n}`) : strict ? `less than ${n}` : `at most ${n}`;
}

/** One issue in plain English: a schema's own message as written, zod's defaults said from the code. */
export function enIssueMessage(issue: SchemaIssue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : bound(issue, 'min');
    case 'too_big':
      return bound(issue, 'max');
    case 'invalid_type':
      return issue.missing ? 'required' : issue.expected === 'number' || issue.expected === 'int' ? 'must be a number' : 'not in the expected form';
    case 'invalid_format':
      return issue.format === 'email' ? 'not an email address' : issue.format === 'date' ? 'not a date (YYYY-MM-DD)' : 'not in the expected form';
    case 'invalid_value':
      return 'not one of the allowed values';
    case 'unrecognized_keys':
      return `fields not accepted: ${(issue.keys ?? []).join(', ')}`;
    default:
      return 'not in the expected form';
  }
}
