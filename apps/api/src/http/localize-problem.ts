import type { Locale } from './locale';
import type { Problem } from './problem';
import { isRowErrors, zhRowError } from './import-messages.zh-cn';
import { enFieldLabel, enIssueMessage } from './issue-messages.en';
import { type SchemaIssue, zhFieldLabel, zhIssueMessage } from './issue-messages.zh-cn';
import { ZH_BY_MESSAGE, ZH_BY_RULE, ZH_BY_STATUS, zhOfRule } from './problem-messages.zh-cn';

/**
 * The envelope's `message` in the caller's language. English is the source: messages are
 * written in English where they are thrown and translated here, in one place, so a new
 * endpoint gets Chinese errors for the generic rules without doing anything. A schema refusal's
 * `issues` are said again from zod's codes, each with the field's Chinese name; a refused import's
 * row `errors` are translated, each naming its line and column. The English stays in `detail`.
 */
export function localizeProblem(problem: Problem, locale: Locale): Problem {
  const localized = localizeMessage(problem, locale);
  // the field at fault in words beside its path (申请表·证件第 1 项·编号): people read the label, code reads `field`
  if (typeof problem.field !== 'string' || !problem.field) return localized;
  const path = problem.field.replace(/^data\./, '');
  const fieldLabel = locale === 'en' ? enFieldLabel(path) : zhFieldLabel(path);
  return fieldLabel === '某一字段' ? localized : { ...localized, fieldLabel };
}

function localizeMessage(problem: Problem, locale: Locale): Problem {
  const schema = Boolean(problem.issues?.length) && (problem.rule === 'SCHEMA' || problem.rule === 'COMMAND');
  if (locale === 'en') return schema ? enSchemaProblem(problem) : problem;
  if (schema) return zhSchemaProblem(problem);
  const translate =
    (ZH_BY_MESSAGE[problem.message] !== undefined ? () => ZH_BY_MESSAGE[problem.message] : undefined) ??
    (problem.rule ? ZH_BY_RULE[problem.rule] : undefined) ??
    ZH_BY_STATUS[problem.statusCode];
  const localized = translate ? { ...problem, message: translate(problem), detail: problem.message } : problem;
  return isRowErrors(problem.errors) ? { ...localized, errors: problem.errors.map((e) => zhRowError(e, zhOfRule)) } : localized;
}

function zhSchemaProblem(problem: Problem): Problem {
  const issues = (problem.issues as SchemaIssue[]).map((issue) => ({ ...issue, message: zhIssueMessage(issue) ?? '格式不正确' }));
  const lines = issues.map((issue) => `${zhFieldLabel(issue.field)}：${issue.message}`);
  return { ...problem, message: `请求内容不符合要求：${lines.join('；')}`, issues, detail: problem.message };
}

/** zod's English defaults said plainly with the field in words; a schema's own messages as written. */
function enSchemaProblem(problem: Problem): Problem {
  const issues = (problem.issues as SchemaIssue[]).map((issue) => ({ ...issue, message: enIssueMessage(issue) }));
  if (issues.every((issue, k) => issue.message === problem.issues?.[k].message)) return problem;
  return { ...problem, message: issues.map((issue) => `${enFieldLabel(issue.field)}: ${issue.message}`).join('; '), issues, detail: problem.message };
}
