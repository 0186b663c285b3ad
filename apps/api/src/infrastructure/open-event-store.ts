import type { EventStoreLocation } from '@crm/config';
import type { EventStore } from '@crm/event-store';
import { EventStoreDbEventStore } from '@crm/event-store-esdb';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';

/** Opens the configured engine (README: EVENT_STORE). */
export async function openEventStore(location: EventStoreLocation): Promise<EventStore> {
  switch (location.kind) {
    case 'sqlite':
      return SqliteEventStore.open(location.path);
    case 'postgres':
      return PostgresEventStore.connect(location.url);
    case 'esdb':
      return EventStoreDbEventStore.connect(location.url);
  }
}
