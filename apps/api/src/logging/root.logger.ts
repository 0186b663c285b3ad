import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequest } from '../http/request-context';
import type { LogLevel } from '../runtime';

/**
 * Field names that hold secrets wherever they appear (one level down too: `body.password`,
 * `headers.authorization`). Nothing logs bodies or headers today; this is the net for the day
 * someone logs an object that carries one.
 */
export const REDACTED_PATHS = [
  'password', 'currentPassword', 'newPassword', 'token', 'accessToken', 'access_token', 'authorization', 'cookie', 'secret', 'authSecret', 'metricsToken',
  '*.password', '*.currentPassword', '*.newPassword', '*.token', '*.accessToken', '*.access_token', '*.authorization', '*.cookie', '*.secret',
  'req.headers.authorization', 'req.headers.cookie', 'request.headers.authorization', 'request.headers.cookie',
];

export interface RootLoggerOptions {
  level: LogLevel;
  /** a stream of JSON lines (tests); absent: stdout, pretty-printed when stdout is a terminal */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/** The service's one logger: JSON lines with the request id of the request being served, if any. */
export function createRootLogger({ level, destination }: RootLoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'crm-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
  };
  if (destination) return pino(options, destination as DestinationStream);
  // a person at a terminal reads lines; anything else (a file, a collector) gets JSON
  if (process.stdout.isTTY) return pino(options, pino.transport({ target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:standard' } }));
  return pino(options);
}
