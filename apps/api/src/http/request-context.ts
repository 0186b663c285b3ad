import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request being served on this async path, if any (log lines, errors, command metadata). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Enters the request's context for everything downstream. Mounted after the body parser: the
 * parser resumes on socket events that do not carry the context, so entering earlier loses it.
 */
export function enterRequestContext(request: Request & { id?: string }, _response: Response, next: NextFunction): void {
  storage.run({ requestId: request.id ?? 'unknown' }, next);
}

/** For work started outside HTTP (tests, the CLI) that should still log under an id. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}
