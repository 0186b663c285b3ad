import Database from 'better-sqlite3';
import { createReadModelDb, ProjectionRunner, type ReadModelDb } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { Client } from 'pg';
import { customerStreamsProjection } from '../../src';
import { createTestDatabase, tmpSqliteDir } from './test-databases';

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
  const tmp = tmpSqliteDir();
  const path = tmp.file('events.db');
  const store = SqliteEventStore.open(path);
  const readModels = await createReadModelDb(store);
  const runner = new ProjectionRunner(store, readModels, [customerStreamsProjection]);
  await runner.migrate();
  return {
    store, readModels, runner,
    async rawUpdate(sql, params) {
      const handle = new Database(path);
      try {
        return handle.prepare(sql).run(...(params as never[])).changes;
      } finally {
        handle.close();
      }
    },
    async close() {
      await readModels.close();
      await store.close();
      tmp.remove();
    },
  };
}

export async function postgresStore(): Promise<TamperableStore> {
  const database = await createTestDatabase();
  const store = await PostgresEventStore.connect(database.url);
  const readModels = await createReadModelDb(store);
  const runner = new ProjectionRunner(store, readModels, [customerStreamsProjection]);
  await runner.migrate();
  return {
    store, readModels, runner,
    async rawUpdate(sql, params) {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        // the same statement text for both engines: ? placeholders become $n
        let n = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rowCount ?? 0;
      } finally {
        await client.end();
      }
    },
    async close() {
      await readModels.close();
      await store.close();
      await database.drop();
    },
  };
}
