import type { EventStoreLocation } from '@crm/config';
import type { EventStore } from '@crm/event-store';

/**
 * Opens the configured engine. Drivers are required lazily so that the embedded default never
 * loads the PostgreSQL or EventStoreDB clients.
 */
export async function openEventStore(spec: EventStoreLocation): Promise<EventStore> {
  switch (spec.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('@crm/event-store-sqlite');
      return SqliteEventStore.open(spec.path);
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('@crm/event-store-postgres');
      return PostgresEventStore.connect(spec.url);
    }
    case 'esdb': {
      const { EventStoreDbEventStore } = await import('@crm/event-store-esdb');
      return EventStoreDbEventStore.connect(spec.url);
    }
  }
}
