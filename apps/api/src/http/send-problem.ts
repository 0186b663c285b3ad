import type { Request, Response } from 'express';
import { negotiateLocale } from './locale';
import { localizeProblem } from './localize-problem';
import type { Problem } from './problem';

/** Writes a problem the one way every error leaves the service: localised, with the request id. */
export function sendProblem(request: Request & { id?: string }, response: Response, problem: Problem): void {
  const locale = negotiateLocale(request.header('accept-language'));
  const body = { ...localizeProblem(problem, locale), requestId: request.id };
  if (typeof problem.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(problem.retryAfterSeconds));
  response.setHeader('Content-Language', locale);
  response.status(problem.statusCode).json(body);
}
