import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createReadModelDb, type ReadModelDb } from '../../src';
import { createThrowawayDatabase, tempDir } from '@crm/testing';

/** One real engine for a spec file: a store, and as many read-model connections as the test wants. */
export interface EngineUnderTest {
  store: EventStore;
  /** a NEW read-model connection (think: another process) */
  readModels(): Promise<ReadModelDb>;
  /** a second store connection */
  otherStore(): Promise<EventStore>;
  dispose(): Promise<void>;
}

export async function sqliteEngine(): Promise<EngineUnderTest> {
  const tmp = tempDir('crm-engine-');
  const file = tmp.file('events.db');
  const store = SqliteEventStore.open(file);
  const opened: { close(): Promise<void> }[] = [store];
  return {
    store,
    readModels: async () => track(opened, await createReadModelDb(store)),
    otherStore: async () => track(opened, SqliteEventStore.open(file)),
    dispose: async () => {
      for (const o of opened.reverse()) await o.close().catch(() => undefined);
      tmp.remove();
    },
  };
}

export async function postgresEngine(): Promise<EngineUnderTest> {
  const db = await createThrowawayDatabase();
  const store = await PostgresEventStore.connect(db.url);
  const opened: { close(): Promise<void> }[] = [store];
  return {
    store,
    readModels: async () => track(opened, await createReadModelDb({ kind: 'postgres', url: db.url })),
    otherStore: async () => track(opened, await PostgresEventStore.connect(db.url)),
    dispose: async () => {
      for (const o of opened.reverse()) await o.close().catch(() => undefined);
      await db.drop();
    },
  };
}

function track<T extends { close(): Promise<void> }>(opened: { close(): Promise<void> }[], value: T): T {
  opened.push(value);
  return value;
}
