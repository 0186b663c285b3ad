import { Logger } from '@nestjs/common';
import type { EventStoreLocation } from '@crm/config';
import type { EventStore } from '@crm/event-store';
import { EventStoreDbEventStore } from '@crm/event-store-esdb';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { type ModeChange, restrictSqliteFiles, SqliteEventStore } from '@crm/event-store-sqlite';

const logger = new Logger('data-files');

/** Says which modes were narrowed: an operator should know their files had been readable by others. */
export function logModeChanges(changes: readonly ModeChange[]): void {
  if (changes.length === 0) return;
  logger.warn(`narrowed access to data files readable by others: ${changes.map((c) => `${c.path} ${c.from} -> ${c.to}`).join(', ')}`);
}

/** Opens the configured engine (README: EVENT_STORE, EVENT_STORE_GROUP_COMMIT). */
export async function openEventStore(location: EventStoreLocation, options: { groupCommit?: boolean } = {}): Promise<EventStore> {
  const groupCommit = options.groupCommit ?? true;
  switch (location.kind) {
    case 'sqlite':
      return SqliteEventStore.open(location.path, { onFileModes: logModeChanges, groupCommit });
    case 'postgres':
      return PostgresEventStore.connect(location.url, { groupCommit });
    case 'esdb':
      // the read models beside EventStoreDB hold the webhook secrets: same modes as the event file
      if (location.readModels.kind === 'sqlite') logModeChanges(restrictSqliteFiles(location.readModels.path));
      return EventStoreDbEventStore.connect(location.url);
  }
}
