import type { Locale } from './locale';
import type { Problem } from './problem';
import { isRowErrors, zhRowError } from './import-messages.zh-cn';
import { ZH_BY_MESSAGE, ZH_BY_RULE, ZH_BY_STATUS, zhOfRule } from './problem-messages.zh-cn';

/**
 * The envelope's `message` in the caller's language. English is the source: messages are
 * written in English where they are thrown and translated here, in one place, so a new
 * endpoint gets Chinese errors for the generic rules without doing anything. Field-level
 * `issues` stay as zod wrote them; a refused import's row `errors` are translated, each naming
 * its line and column.
 */
export function localizeProblem(problem: Problem, locale: Locale): Problem {
  if (locale === 'en') return problem;
  const translate =
    (ZH_BY_MESSAGE[problem.message] !== undefined ? () => ZH_BY_MESSAGE[problem.message] : undefined) ??
    (problem.rule ? ZH_BY_RULE[problem.rule] : undefined) ??
    ZH_BY_STATUS[problem.statusCode];
  const localized = translate ? { ...problem, message: translate(problem) } : problem;
  return isRowErrors(problem.errors) ? { ...localized, errors: problem.errors.map((e) => zhRowError(e, zhOfRule)) } : localized;
}
