import { AsyncResource } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('http');

/**
 * One line per request: method, path (never the query: it may carry `access_token`), status,
 * duration and who asked. Bodies and headers are not logged (passwords, credit codes).
 */
export function accessLog(request: Request & { actor?: { id: string } }, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  // bound so the line is written inside the request's context (it carries the request id)
  response.on('finish', AsyncResource.bind(() => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const who = request.actor?.id ?? '-';
    logger.log(`${request.method} ${request.path} ${response.statusCode} ${ms.toFixed(1)}ms user=${who}`);
  }));
  next();
}
