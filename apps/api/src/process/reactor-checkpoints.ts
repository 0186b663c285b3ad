import type { ReadModelDb } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';

export const REACTOR_CHECKPOINTS = 'reactor_checkpoints';
export const REACTOR_FAILURES = 'reactor_failures';

/** Reactors keep their place in the read-model database, apart from projection checkpoints. */
export async function migrateReactorTables(readModels: ReadModelDb): Promise<void> {
  await readModels.ddl(async (trx) => {
    await trx.schema
      .createTable(REACTOR_CHECKPOINTS)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema
      .createTable(REACTOR_FAILURES)
      .ifNotExists()
      .addColumn('failure_key', 'text', (c) => c.primaryKey())
      .addColumn('reactor', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('position', 'bigint', (c) => c.notNull())
      .addColumn('error', 'text', (c) => c.notNull())
      .addColumn('failed_at', 'text', (c) => c.notNull())
      .execute();
  });
}

export async function ensureReactorCheckpoint(readModels: ReadModelDb, name: string): Promise<void> {
  await readModels.transaction((trx) =>
    trx
      .insertInto(REACTOR_CHECKPOINTS)
      .values({ name, position: 0, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute(),
  );
}

export async function readReactorCheckpoint(readModels: ReadModelDb, name: string): Promise<number> {
  const row = await readModels.db.selectFrom(REACTOR_CHECKPOINTS).select('position').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.position) : 0;
}

/** Only forwards: a second process that briefly also reacted cannot move the checkpoint back. */
export async function advanceReactorCheckpoint(readModels: ReadModelDb, name: string, position: number): Promise<void> {
  await readModels.transaction((trx) =>
    trx.updateTable(REACTOR_CHECKPOINTS).set({ position, updated_at: new Date().toISOString() }).where('name', '=', name).where('position', '<', position).execute(),
  );
}

export async function recordReactorFailure(readModels: ReadModelDb, name: string, event: StoredEvent, error: Error): Promise<void> {
  await readModels.transaction((trx) =>
    trx
      .insertInto(REACTOR_FAILURES)
      .values({
        failure_key: `${name}|${event.id}`, reactor: name, event_id: event.id, event_type: event.type, position: event.position,
        error: `${error.name}: ${error.message}`.slice(0, 2000), failed_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('failure_key').doNothing())
      .execute(),
  );
}
