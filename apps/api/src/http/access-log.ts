import { AsyncResource } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics.port';
import type { RouteTable } from './route-table';

export type AccessLog = (request: Request, response: Response, next: NextFunction) => void;

/** A request outside the API's routes (the console's files, a mistyped path): one series for all. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * One line and one observation per request: method, route template, status, duration, who asked.
 * The path is logged without its query (it may carry `access_token`); bodies and headers never
 * (passwords, tokens, credit codes). The route is the OpenAPI template, so a metric series is per
 * endpoint, not per customer id.
 */
export function accessLog(routes: RouteTable, metrics: Pick<Metrics, 'httpRequest'>, root: Logger): AccessLog {
  const logger = root.child({ context: 'http' });
  return (request: Request & { actor?: { id: string } }, response: Response, next: NextFunction) => {
    const started = performance.now();
    // bound so the line is written inside the request's context (it carries the request id)
    response.on('finish', AsyncResource.bind(() => {
      const ms = performance.now() - started;
      const route = routes.find(request.method, request.path)?.path ?? UNMATCHED_ROUTE;
      metrics.httpRequest({ method: request.method, route, status: response.statusCode, seconds: ms / 1000 });
      logger.info(
        { method: request.method, route, path: request.path, status: response.statusCode, durationMs: Math.round(ms * 10) / 10, actor: request.actor?.id ?? null },
        `${request.method} ${request.path} ${response.statusCode}`,
      );
    }));
    next();
  };
}
