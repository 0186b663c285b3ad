import { z } from 'zod';
import { ConfigError } from './config.error';
import { type MailConfig, NotificationEnv, notificationConfigOf } from './notification-config';
import { type EventStoreLocation, parseEventStore, parseSqlStore } from './store-location';
import { DEFAULT_TRANSPORT_LIMITS, TRANSPORT_VARIABLES, transportConflicts, type TransportLimits } from './transport-limits';

export interface AppConfig {
  eventStore: EventStoreLocation;
  /**
   * EVENT_STORE_GROUP_COMMIT: concurrent appends share one transaction and one flush to disk
   * (SQLite and PostgreSQL, ADR 0029); each is still checked and answered on its own. Default on.
   */
  groupCommit: boolean;
  /**
   * ROLE: what this process does. `all` (default): the API and the background work (projections,
   * reactors, timers, notification delivery). `api`: requests only; `projector`: the background
   * work only, no HTTP. Split on PostgreSQL to scale them apart.
   */
  role: ServiceRole;
  port: number;
  dataDir: string;
  /** IANA zone the business calendar and deadlines are reckoned in */
  businessTimeZone: string;
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** HMAC key for bearer tokens; absent means "generate one into DATA_DIR" */
  authSecret?: string;
  tokenTtlSeconds: number;
  seedDemoUsers: boolean;
  /** timeouts and caps of the HTTP edge and the SSE streams */
  transport: TransportLimits;
  /**
   * Which non-public webhook destinations deliveries may reach: 'none' (default) or 'loopback'
   * (127/8, ::1), for tests and local receivers; refused with NODE_ENV=production.
   */
  webhookAllowPrivateHosts: WebhookHostPolicy;
  /** SMTP for e-mail notifications (SMTP_URL or SMTP_HOST…); null: e-mail is not a channel */
  mail: MailConfig | null;
  /** CONSOLE_URL: the base of the console links in notifications (default http://localhost:3000) */
  consoleUrl: string;
  /** FILE_MAX_BYTES: the largest file `POST /files` accepts (default 10 MiB); larger answers 413 */
  fileMaxBytes: number;
  /** METRICS_TOKEN: the bearer token a Prometheus scraper presents at GET /metrics; absent: administrators only */
  metricsToken?: string;
  /** FILE_STORE=s3://bucket/prefix and S3_*: uploaded files in an S3-compatible bucket; absent: in the store's own database */
  fileStore?: S3FileStoreConfig;
}

/** An S3-compatible bucket for the uploaded files (ADR 0018); credentials fall back to the AWS default chain. */
export interface S3FileStoreConfig {
  kind: 's3';
  bucket: string;
  prefix: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

export const DEFAULT_FILE_MAX_BYTES = 10 * 1024 * 1024;

export type WebhookHostPolicy = 'none' | 'loopback';

export type ServiceRole = 'all' | 'api' | 'projector';

/** An unset and an empty variable mean the same: use the default. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const integer = (min: number, max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const timeZone = z.string().refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. Asia/Shanghai)` });

const flag = z.enum(['true', 'false', '1', '0'], 'must be true or false').transform((v) => v === 'true' || v === '1');

/** The variables as they come in; store URLs are checked afterwards because their defaults depend on DATA_DIR. */
export const AppEnv = z.object({
  EVENT_STORE: optional(z.string()),
  EVENT_STORE_GROUP_COMMIT: optional(flag),
  ROLE: optional(z.enum(['all', 'api', 'projector'], 'must be all, api or projector')),
  READ_MODEL_DB: optional(z.string()),
  PORT: optional(integer(1, 65535)),
  DATA_DIR: optional(z.string()),
  TZ_BUSINESS: optional(timeZone),
  NODE_ENV: optional(z.enum(['development', 'test', 'production'], 'must be development, test or production')),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent')),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters (use e.g. `openssl rand -hex 32`)')),
  TOKEN_TTL_SECONDS: optional(integer(60, 30 * 24 * 3600)),
  SEED_DEMO_USERS: optional(flag),
  HTTP_HEADERS_TIMEOUT_MS: optional(integer(1_000, 300_000)),
  HTTP_REQUEST_TIMEOUT_MS: optional(integer(1_000, 3_600_000)),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: optional(integer(1_000, 600_000)),
  HTTP_MAX_HEADERS_COUNT: optional(integer(20, 2_000)),
  HTTP_MAX_HEADER_BYTES: optional(integer(4 * 1024, 64 * 1024)),
  HTTP_MAX_CONNECTIONS: optional(integer(10, 1_000_000)),
  SSE_MAX_STREAMS: optional(integer(1, 100_000)),
  SSE_MAX_STREAMS_PER_USER: optional(integer(1, 1_000)),
  SLA_STREAM_POLL_MS: optional(integer(50, 60_000)),
  SLA_STREAM_HEARTBEAT_MS: optional(integer(1_000, 300_000)),
  WEBHOOK_ALLOW_PRIVATE_HOSTS: optional(z.enum(['none', 'loopback'], 'must be none or loopback')),
  // a scan of a licence is a few hundred KB; 100 MiB is the bound of FileReference.size
  FILE_MAX_BYTES: optional(integer(1024, 100 * 1024 * 1024)),
  // a scrape token is a password for everything /metrics tells: as long as AUTH_SECRET's minimum
  METRICS_TOKEN: optional(z.string().min(32, 'must be at least 32 characters (use e.g. `openssl rand -hex 32`)').regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces (it travels in an Authorization header)')),
  FILE_STORE: optional(z.string().regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/, 'must be s3://bucket[/prefix/] (or unset: files in the store\'s database)')),
  S3_ENDPOINT: optional(z.url('must be a URL, e.g. http://minio.internal:9000')),
  S3_REGION: optional(z.string().min(1)),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  S3_FORCE_PATH_STYLE: optional(flag),
  ...NotificationEnv.shape,
});
export type AppEnv = z.infer<typeof AppEnv>;

/**
 * Reads and validates the environment once at start-up. Throws ConfigError listing every bad
 * variable and why, so a misconfigured replica stops before it touches a store.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = AppEnv.safeParse(env);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message }));
  const values: Partial<AppEnv> = parsed.success ? parsed.data : {};
  const dataDir = (parsed.success ? values.DATA_DIR : nonEmpty(env.DATA_DIR)) ?? './data';
  const eventStore = resolveEventStore(env, dataDir, issues);
  const transport = transportOf(values);
  if (parsed.success) issues.push(...transportConflicts(transport));
  const notifications = notificationConfigOf(values, issues);
  const nodeEnv = values.NODE_ENV ?? 'development';
  // a production service reaching its own loopback on a registered URL is the SSRF this guards against
  if (values.WEBHOOK_ALLOW_PRIVATE_HOSTS === 'loopback' && nodeEnv === 'production') {
    issues.push({ variable: 'WEBHOOK_ALLOW_PRIVATE_HOSTS', message: 'loopback webhooks are for tests and local receivers; not allowed with NODE_ENV=production' });
  }
  if (issues.length > 0 || !eventStore || !parsed.success) throw new ConfigError(issues);
  return {
    eventStore,
    groupCommit: values.EVENT_STORE_GROUP_COMMIT ?? true,
    role: values.ROLE ?? 'all',
    port: values.PORT ?? 3000,
    dataDir,
    businessTimeZone: values.TZ_BUSINESS ?? 'Asia/Shanghai',
    nodeEnv,
    logLevel: values.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    ...(values.AUTH_SECRET ? { authSecret: values.AUTH_SECRET } : {}),
    tokenTtlSeconds: values.TOKEN_TTL_SECONDS ?? 8 * 3600,
    seedDemoUsers: values.SEED_DEMO_USERS ?? nodeEnv !== 'production',
    transport,
    webhookAllowPrivateHosts: values.WEBHOOK_ALLOW_PRIVATE_HOSTS ?? 'none',
    fileMaxBytes: values.FILE_MAX_BYTES ?? DEFAULT_FILE_MAX_BYTES,
    ...(values.METRICS_TOKEN ? { metricsToken: values.METRICS_TOKEN } : {}),
    ...(values.FILE_STORE ? { fileStore: s3FileStoreOf(values) } : {}),
    ...notifications,
  };
}

function s3FileStoreOf(values: Partial<AppEnv>): S3FileStoreConfig {
  const [bucket, ...rest] = String(values.FILE_STORE).slice('s3://'.length).split('/');
  const prefix = rest.join('/');
  return {
    kind: 's3', bucket, prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    ...(values.S3_ENDPOINT ? { endpoint: values.S3_ENDPOINT } : {}), ...(values.S3_REGION ? { region: values.S3_REGION } : {}),
    ...(values.S3_ACCESS_KEY_ID ? { accessKeyId: values.S3_ACCESS_KEY_ID } : {}), ...(values.S3_SECRET_ACCESS_KEY ? { secretAccessKey: values.S3_SECRET_ACCESS_KEY } : {}),
    ...(values.S3_FORCE_PATH_STYLE !== undefined ? { forcePathStyle: values.S3_FORCE_PATH_STYLE } : {}),
  };
}

function transportOf(values: Partial<AppEnv>): TransportLimits {
  const limits = { ...DEFAULT_TRANSPORT_LIMITS };
  for (const [key, variable] of Object.entries(TRANSPORT_VARIABLES) as [keyof TransportLimits, keyof AppEnv][]) {
    const value = values[variable];
    if (typeof value === 'number') limits[key] = value;
  }
  return limits;
}

function resolveEventStore(
  env: Record<string, string | undefined>,
  dataDir: string,
  issues: { variable: string; message: string }[],
): EventStoreLocation | null {
  const store = parseEventStore(nonEmpty(env.EVENT_STORE) ?? `sqlite:${dataDir}/crm.db`);
  if (!store.ok) {
    issues.push({ variable: 'EVENT_STORE', message: store.message });
    return null;
  }
  const readModelUrl = nonEmpty(env.READ_MODEL_DB) ?? `sqlite:${dataDir}/read-models.db`;
  if (store.value.kind !== 'esdb') {
    if (nonEmpty(env.READ_MODEL_DB)) {
      issues.push({ variable: 'READ_MODEL_DB', message: `only used with an esdb:// EVENT_STORE; ${store.value.kind} keeps read models next to the events` });
    }
    return store.value;
  }
  const readModels = parseSqlStore(readModelUrl);
  if (!readModels.ok) {
    issues.push({ variable: 'READ_MODEL_DB', message: readModels.message });
    return null;
  }
  return { kind: 'esdb', url: store.value.url, readModelUrl, readModels: readModels.value };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
