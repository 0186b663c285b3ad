import type { ColumnDataType, Kysely } from 'kysely';

/**
 * Adds the columns a table created by an older version lacks (`createTable().ifNotExists()` keeps
 * the old shape). SQLite has no `ADD COLUMN IF NOT EXISTS`, so the table is introspected first.
 */
export async function ensureColumns(db: Kysely<any>, table: string, columns: ReadonlyArray<readonly [name: string, type: ColumnDataType]>): Promise<void> {
  const found = (await db.introspection.getTables()).find((t) => t.name === table);
  if (!found) return;
  for (const [name, type] of columns) {
    if (!found.columns.some((c) => c.name === name)) await db.schema.alterTable(table).addColumn(name, type).execute();
  }
}
