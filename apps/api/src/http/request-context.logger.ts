import { ConsoleLogger } from '@nestjs/common';
import { currentRequest } from './request-context';

/**
 * Nest's console logger with the request id in every line logged while serving a request,
 * so one id from an error response finds every line of that request in the log.
 */
export class RequestContextLogger extends ConsoleLogger {
  protected override formatContext(context: string): string {
    const id = currentRequest()?.requestId;
    return super.formatContext(context) + (id ? `[req ${id}] ` : '');
  }
}
