import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type TransportLimits } from '@crm/config';
import type { EventStore } from '@crm/event-store';
import { createThrowawayDatabase, type DatabaseLocation, type PgOverlapWatch, rawStatement, type ThrowawayDatabase, watchPgClientOverlap } from '@crm/testing';
import { createApp } from '../../src/app.factory';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { ManualClock } from '../../src/infrastructure/clock';
import { openEventStore } from '../../src/infrastructure/open-event-store';

export type TestEngine = 'sqlite' | 'postgres';

/**
 * On a loaded machine a fetch may reuse an idle keep-alive socket just as the service's 5 s timer
 * closes it ("other side closed"): the tests' service keeps idle sockets a minute, so the client
 * (which follows the Keep-Alive hint) always lets go first. Specs of the limits pass their own.
 */
const TEST_TRANSPORT: Partial<TransportLimits> = { keepAliveTimeoutMs: 60_000 };

export interface TestApiOptions {
  /** the service clock's first instant */
  start?: string;
  /**
   * 'sqlite' (default): EVENT_STORE=sqlite:<a file in a temp dir>. 'postgres': EVENT_STORE=postgres://…
   * on a throw-away database of the test server, read models beside the events, dropped on close.
   */
  engine?: TestEngine;
  /** HTTP timeouts and connection/stream caps (small ones make the edge specs fast) */
  transport?: Partial<TransportLimits>;
  /**
   * WEBHOOK_ALLOW_PRIVATE_HOSTS for this service: 'loopback' (default here, so the tests' receivers
   * on 127.0.0.1 can be reached) or 'none', the production default.
   */
  webhookHosts?: 'none' | 'loopback';
  /** more variables for loadConfig (SMTP_URL, SMTP_FROM, CONSOLE_URL, METRICS_TOKEN, LOG_LEVEL …), validated as main.ts does */
  env?: Record<string, string>;
  /** log lines go here, as JSON, at LOG_LEVEL (default info); absent: the service logs nothing */
  logDestination?: NodeJS.WritableStream;
}

export interface TestApi {
  url: string;
  app: INestApplication;
  clock: ManualClock;
  store: EventStore;
  engine: TestEngine;
  /** the temp dir; on SQLite it holds crm.db */
  dataDir: string;
  /** the EVENT_STORE the service was started with (for the CLI's --store) */
  eventStore: string;
  /** signs a demo user in through the real endpoint */
  tokenFor(username: string): Promise<string>;
  request(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /** one statement on the store's own database behind the service's back (`?` placeholders); answers the rows changed */
  rawSql(statement: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Stops the service (app and store) and starts a new one on the same SQLite file or database with
   * the same clock, as a crash-free restart would; `url`, `app` and `store` point at the new instance.
   */
  restart(): Promise<void>;
  /** stops the service and removes its data, also when stopping fails; on PostgreSQL, fails if a pg Client was used concurrently */
  close(): Promise<void>;
}

/**
 * The real service on a real HTTP port, opened from EVENT_STORE as main.ts does, with a clock the
 * test moves. `startTestApi(start?, options?)` or `startTestApi(options)`.
 */
export async function startTestApi(startOrOptions: string | TestApiOptions = {}, more: TestApiOptions = {}): Promise<TestApi> {
  const options = typeof startOrOptions === 'string' ? { ...more, start: startOrOptions } : startOrOptions;
  const engine = options.engine ?? 'sqlite';
  const clock = new ManualClock(new Date(options.start ?? '2026-03-02T01:00:00.000Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-api-'));
  let database: ThrowawayDatabase | null = null;
  // every pg Client in the process, pooled or the service's own: none may be handed a query while it runs one
  const overlaps: PgOverlapWatch | null = engine === 'postgres' ? watchPgClientOverlap() : null;
  const removeData = async () => {
    overlaps?.stop();
    try {
      await database?.drop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  let location: DatabaseLocation;
  try {
    database = engine === 'postgres' ? await createThrowawayDatabase() : null;
    location = database ? { kind: 'postgres', url: database.url } : { kind: 'sqlite', path: join(dataDir, 'crm.db') };
  } catch (error) {
    await removeData();
    throw error;
  }
  const eventStore = location.kind === 'postgres' ? location.url : `sqlite:${location.path}`;
  const boot = async () => {
    const config = loadConfig({ ...options.env, EVENT_STORE: eventStore, WEBHOOK_ALLOW_PRIVATE_HOSTS: options.webhookHosts ?? 'loopback' });
    const store = await openEventStore(config.eventStore, { groupCommit: config.groupCommit });
    let app: INestApplication | undefined;
    try {
      const logs = options.logDestination ? { quiet: false, logLevel: config.logLevel, logDestination: options.logDestination } : { quiet: true };
      const runtime = { store, clock, authSecret: 'test-secret', tokenTtlSeconds: 3600, seedDemoUsers: true, role: config.role, transport: { ...TEST_TRANSPORT, ...options.transport }, ...logs };
      app = await createApp({
        ...runtime, webhookAllowPrivateHosts: config.webhookAllowPrivateHosts, mail: config.mail, consoleUrl: config.consoleUrl, fileMaxBytes: config.fileMaxBytes, fileStore: config.fileStore, metricsToken: config.metricsToken,
      });
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      return { store, app, url: `http://127.0.0.1:${port}` };
    } catch (error) {
      // an app that started its projections and timers but could not listen would keep Jest alive
      await app?.close().catch(() => undefined);
      await store.close();
      throw error;
    }
  };
  let running: Awaited<ReturnType<typeof boot>>;
  try {
    running = await boot();
  } catch (error) {
    await removeData();
    throw error;
  }
  const stop = async () => {
    try {
      await running.app.close();
    } finally {
      await running.store.close();
    }
  };
  const request: TestApi['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${running.url}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, body, headers: response.headers };
  };
  const api: TestApi = {
    url: running.url,
    app: running.app,
    clock,
    store: running.store,
    engine,
    dataDir,
    eventStore,
    request,
    rawSql: (statement, params = []) => rawStatement(location, statement, params),
    async tokenFor(username) {
      const res = await request('POST', '/auth/token', { body: { username, password: DEMO_PASSWORD } });
      if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async restart() {
      await stop();
      running = await boot();
      Object.assign(api, { url: running.url, app: running.app, store: running.store });
    },
    async close() {
      try {
        await stop();
      } finally {
        await removeData();
      }
      overlaps?.assertNone();
    },
  };
  return api;
}
