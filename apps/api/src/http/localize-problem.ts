import type { Locale } from './locale';
import type { Problem } from './problem';
import { ZH_BY_MESSAGE, ZH_BY_RULE, ZH_BY_STATUS } from './problem-messages.zh-cn';

/**
 * The envelope's `message` in the caller's language. English is the source: messages are
 * written in English where they are thrown and translated here, in one place, so a new
 * endpoint gets Chinese errors for the generic rules without doing anything. Field-level
 * `issues` stay as zod wrote them.
 */
export function localizeProblem(problem: Problem, locale: Locale): Problem {
  if (locale === 'en') return problem;
  const translate =
    (ZH_BY_MESSAGE[problem.message] !== undefined ? () => ZH_BY_MESSAGE[problem.message] : undefined) ??
    (problem.rule ? ZH_BY_RULE[problem.rule] : undefined) ??
    ZH_BY_STATUS[problem.statusCode];
  return translate ? { ...problem, message: translate(problem) } : problem;
}
