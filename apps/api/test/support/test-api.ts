import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createApp } from '../../src/app.factory';
import { DEMO_PASSWORD } from '../../src/auth/demo-users';
import { ManualClock } from '../../src/infrastructure/clock';
import { createTestDatabase } from './test-postgres';

export interface TestApi {
  url: string;
  app: INestApplication;
  clock: ManualClock;
  store: EventStore;
  dataDir: string;
  /** signs a demo user in through the real endpoint */
  tokenFor(username: string): Promise<string>;
  request(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  /**
   * Stops the service (app and store) and starts a new one on the same SQLite file (or database) with the same
   * clock, as a crash-free restart would; `url`, `app` and `store` point at the new instance.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real service on a real HTTP port over a real SQLite file, with a clock the test moves.
 * `engine: 'postgres'`: over a throw-away database on the test PostgreSQL instead (events and
 * read models both; see test-postgres.ts), dropped on close.
 */
export async function startTestApi(start = '2026-03-02T01:00:00.000Z', options: { engine?: 'sqlite' | 'postgres' } = {}): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-api-'));
  const clock = new ManualClock(new Date(start));
  const database = options.engine === 'postgres' ? await createTestDatabase() : null;
  const boot = async () => {
    const store: EventStore = database ? await PostgresEventStore.connect(database.url) : SqliteEventStore.open(join(dataDir, 'crm.db'));
    const app = await createApp({ store, clock, authSecret: 'test-secret', tokenTtlSeconds: 3600, seedDemoUsers: true, quiet: true });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return { store, app, url: `http://127.0.0.1:${port}` };
  };
  let running = await boot();
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
    dataDir,
    request,
    async tokenFor(username) {
      const res = await request('POST', '/auth/token', { body: { username, password: DEMO_PASSWORD } });
      if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async restart() {
      await running.app.close();
      await running.store.close();
      running = await boot();
      Object.assign(api, { url: running.url, app: running.app, store: running.store });
    },
    async close() {
      await running.app.close();
      await running.store.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return api;
}
