import { type AppConfig, DEFAULT_TRANSPORT_LIMITS, type MailConfig, type S3FileStoreConfig, type ServiceRole, type TransportLimits } from '@crm/config';
import type { ReadModelSource } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import type { Logger } from 'pino';
import type { Clock } from './infrastructure/clock';

/** Everything the API is started with; built from the environment by main.ts, by hand in tests. */
export interface ApiRuntime {
  store: EventStore;
  clock: Clock;
  authSecret: string;
  tokenTtlSeconds: number;
  seedDemoUsers: boolean;
  /** ROLE: `api` runs no background work, `projector` only that (no HTTP is served); absent: all */
  role?: ServiceRole;
  /** where read models live when the store has no SQL of its own (EventStoreDB); default: next to the events */
  readModelSource?: ReadModelSource;
  /** WEBHOOK_ALLOW_PRIVATE_HOSTS: non-public webhook destinations allowed; absent: none */
  webhookAllowPrivateHosts?: 'none' | 'loopback';
  /** SMTP for e-mail notifications; absent or null: e-mail is not a channel */
  mail?: MailConfig | null;
  /** CONSOLE_URL: the base of the links in notifications; absent: http://localhost:3000 */
  consoleUrl?: string;
  /** FILE_MAX_BYTES: the largest upload; absent: DEFAULT_FILE_MAX_BYTES (10 MiB) */
  fileMaxBytes?: number;
  /** FILE_STORE: an S3-compatible bucket for uploaded files; absent: the store's own database */
  fileStore?: S3FileStoreConfig;
  /** silence every log line (tests) */
  quiet?: boolean;
  /** METRICS_TOKEN: the bearer token a Prometheus scraper presents at GET /metrics; absent: administrators only */
  metricsToken?: string;
  /** the root logger (main.ts builds it from LOG_LEVEL); absent: one at `logLevel` writing to `logDestination` */
  log?: Logger;
  /** LOG_LEVEL; absent: info */
  logLevel?: LogLevel;
  /** where log lines go; absent: stdout (pretty when it is a terminal). Tests capture lines here */
  logDestination?: NodeJS.WritableStream;
  /** HTTP timeouts and connection/stream caps; unset ones keep their defaults */
  transport?: Partial<TransportLimits>;
}
export type LogLevel = AppConfig['logLevel'];

export const API_RUNTIME = Symbol('API_RUNTIME');
export const TRANSPORT_LIMITS = Symbol('TRANSPORT_LIMITS');

/** ROLE=api leaves projections, reactors, timers and deliveries to a projector process on the same store. */
export function runsBackgroundWork(runtime: ApiRuntime): boolean {
  return (runtime.role ?? 'all') !== 'api';
}

export function transportLimitsOf(runtime: ApiRuntime): TransportLimits {
  return { ...DEFAULT_TRANSPORT_LIMITS, ...runtime.transport };
}
