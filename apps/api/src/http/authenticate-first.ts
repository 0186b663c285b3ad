import type { NextFunction, Request, Response } from 'express';
import { Authenticator, bearerTokenOf, rememberVerified } from '../auth/authenticator';
import type { AccessLog } from './access-log';
import { runInRequestContext } from './request-context';
import type { RouteTable } from './route-table';
import { sendProblem } from './send-problem';

/**
 * Mounted before the body parsers: a request that carries a body to anything but a public route
 * must hold a valid bearer token, or is answered 401 without its body being read (an anonymous
 * client could otherwise make the service buffer 2 MB of JSON or 20 MB of CSV per request).
 * Body-less requests go straight on: the auth guard, which still runs for every request, answers
 * them before any handler does work. Unknown paths count as non-public.
 */
export function authenticateFirst(routes: RouteTable, authenticator: Authenticator, accessLog: AccessLog) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!carriesBody(request)) return next();
    const route = routes.find(request.method, request.path);
    if (route?.isPublic) return next();
    const token = bearerTokenOf(request, route?.queryTokenAllowed === true);
    authenticator.verify(token).then((verdict) => {
      if (!verdict.ok) return refuse(request, response, verdict.reason, accessLog);
      rememberVerified(request, token as string, verdict);
      next();
    }, next);
  };
}

function carriesBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function refuse(request: Request & { id?: string }, response: Response, reason: string, accessLog: AccessLog): void {
  // the unread body must not be taken for the next request on this connection: close it after the answer
  response.setHeader('Connection', 'close');
  runInRequestContext({ requestId: request.id ?? 'unknown' }, () => {
    accessLog(request, response, () => undefined);
    sendProblem(request, response, { statusCode: 401, error: 'Unauthorized', message: reason, rule: 'AUTH' });
  });
}
