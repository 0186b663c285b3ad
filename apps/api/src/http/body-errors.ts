import type { NextFunction, Request, Response } from 'express';
import type { Problem } from './problem';
import { sendProblem } from './send-problem';

/**
 * The JSON body parser fails before Nest sees the request, so its errors would leave as
 * Express's HTML page; this maps them onto the problem envelope (413 names the limit).
 */
export function bodyParserErrors(limitBytes: number) {
  return (error: unknown, request: Request, response: Response, next: NextFunction): void => {
    const problem = problemOf(error as { type?: string; status?: number }, limitBytes);
    if (!problem) return next(error);
    sendProblem(request, response, problem);
  };
}

function problemOf(error: { type?: string; status?: number }, limitBytes: number): Problem | null {
  switch (error?.type) {
    case 'entity.too.large':
      return { statusCode: 413, error: 'Payload Too Large', message: `request body larger than ${limitBytes} bytes`, rule: 'PAYLOAD-TOO-LARGE', field: 'body', limitBytes };
    case 'entity.parse.failed':
      return { statusCode: 400, error: 'Bad Request', message: 'body: not valid JSON', rule: 'SCHEMA', field: 'body' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { statusCode: 415, error: 'Unsupported Media Type', message: 'body: unsupported encoding or charset', rule: 'SCHEMA', field: 'body' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { statusCode: 400, error: 'Bad Request', message: 'body: incomplete request', rule: 'SCHEMA', field: 'body' };
    default:
      return typeof error?.status === 'number' && error.status >= 400 && error.status < 500
        ? { statusCode: error.status, error: 'Bad Request', message: 'body: could not be read', rule: 'SCHEMA', field: 'body' }
        : null;
  }
}
