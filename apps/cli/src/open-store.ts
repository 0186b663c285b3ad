import { type EventStoreLocation, loadConfig, parseEventStore } from '@crm/config';
import type { CliIo } from './cli-command';
import type { EventStore } from '@crm/event-store';
import { EventStoreDbEventStore } from '@crm/event-store-esdb';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';

/**
 * The event store a command works on: `--store <EVENT_STORE>` when given, else the environment
 * exactly as `npm start` reads it (EVENT_STORE, DATA_DIR, READ_MODEL_DB).
 */
export function storeLocation(flag: string | undefined, env: Record<string, string | undefined>): EventStoreLocation {
  if (flag === undefined) return loadConfig(env).eventStore;
  const parsed = parseEventStore(flag);
  if (!parsed.ok) throw new Error(`--store: ${parsed.message}`);
  // EventStoreDB needs its read-model database too, which the configuration resolves
  return parsed.value.kind === 'esdb' ? loadConfig({ ...env, EVENT_STORE: flag }).eventStore : parsed.value;
}

export async function openStore(location: EventStoreLocation): Promise<EventStore> {
  switch (location.kind) {
    case 'sqlite':
      return SqliteEventStore.open(location.path);
    case 'postgres':
      return PostgresEventStore.connect(location.url);
    case 'esdb':
      return EventStoreDbEventStore.connect(location.url);
  }
}

/**
 * The location for a command's `--store` flag, or null after telling the operator why not (a
 * misconfigured store is a usage error, not a failure of the command's work).
 */
export function storeLocationOrExplain(flag: string | undefined, io: CliIo): EventStoreLocation | null {
  try {
    return storeLocation(flag, io.env);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return null;
  }
}
