import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const ACCEPTED = /^[A-Za-z0-9._-]{1,100}$/;

/** Every response and log line carries a request id (the caller's X-Request-Id when sane). */
export function requestId(request: Request & { id?: string }, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  request.id = incoming && ACCEPTED.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  next();
}
