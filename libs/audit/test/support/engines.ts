import { createReadModelDb, ProjectionRunner, type ReadModelDb } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createThrowawayDatabase, rawStatement, tempDir } from '@crm/testing';
import { customerStreamsProjection } from '../../src';

/** A real store plus a way to alter a stored row behind its back (what a tamperer with DB access does). */
export interface TamperableStore {
  store: EventStore;
  readModels: ReadModelDb;
  runner: ProjectionRunner;
  /** raw SQL on the events table, outside the service */
  rawUpdate(sql: string, params: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function sqliteStore(): Promise<TamperableStore> {
  const tmp = tempDir('crm-audit-');
  const path = tmp.file('events.db');
  const store = SqliteEventStore.open(path);
  const readModels = await createReadModelDb(store);
  const runner = new ProjectionRunner(store, readModels, [customerStreamsProjection]);
  await runner.migrate();
  return {
    store, readModels, runner,
    rawUpdate: (sql, params) => rawStatement({ kind: 'sqlite', path }, sql, params),
    async close() {
      await readModels.close();
      await store.close();
      tmp.remove();
    },
  };
}

export async function postgresStore(): Promise<TamperableStore> {
  const database = await createThrowawayDatabase();
  const store = await PostgresEventStore.connect(database.url);
  const readModels = await createReadModelDb(store);
  const runner = new ProjectionRunner(store, readModels, [customerStreamsProjection]);
  await runner.migrate();
  return {
    store, readModels, runner,
    rawUpdate: (sql, params) => rawStatement({ kind: 'postgres', url: database.url }, sql, params),
    async close() {
      try {
        await readModels.close();
        await store.close();
      } finally {
        await database.drop();
      }
    },
  };
}
