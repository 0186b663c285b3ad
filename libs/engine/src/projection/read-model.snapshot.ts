import type { Projection } from './projection';
import type { ReadModelDb } from './read-model.db';

/**
 * Every row of a projection's declared tables in primary-key order: what "the rebuilt read model
 * equals the incremental one" compares (tests, the CLI's verify).
 */
export async function readModelSnapshot(readModels: ReadModelDb, projection: Projection): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of projection.tables ?? []) {
    const query = readModels.db.selectFrom(table.name);
    const selected = table.columns ? query.select(table.columns as string[]) : query.selectAll();
    snapshot[table.name] = await selected.orderBy(table.orderBy).execute();
  }
  return snapshot;
}
