import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createApp } from '../../../src/app.factory';
import { DEFAULT_BODY_LIMIT_BYTES, type SecurityOptions } from '../../../src/http/security-options';
import type { ManualClock } from '../../../src/infrastructure/clock';

export interface AppReplica {
  url: string;
  app: INestApplication;
  store: SqliteEventStore;
  close(): Promise<void>;
}

/**
 * One more API process-equivalent over an existing SQLite file (its own store connection,
 * its own caches), for edge options tests and for "another replica" in revocation tests.
 */
export async function startReplica(
  dbPath: string,
  clock: ManualClock,
  options: { security?: Partial<SecurityOptions>; quiet?: boolean; seedDemoUsers?: boolean; logDestination?: NodeJS.WritableStream } = {},
): Promise<AppReplica> {
  const store = SqliteEventStore.open(dbPath);
  const security: SecurityOptions = { consoleOrigins: [], bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES, ...options.security };
  const app = await createApp(
    { store, clock, authSecret: 'test-secret', tokenTtlSeconds: 3600, seedDemoUsers: options.seedDemoUsers ?? false, quiet: options.quiet ?? true, logDestination: options.logDestination },
    security,
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
