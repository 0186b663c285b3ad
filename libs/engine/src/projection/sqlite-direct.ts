import type { Statement } from 'better-sqlite3';
import type { Kysely, QueryResult } from 'kysely';

/**
 * Read-model connections on SQLite, known by their Kysely dialect adapter (one per `Kysely`, shared
 * by the connection- and transaction-bound instances made from it), with their handle's
 * statement cache. A prepared query on one of them runs its cached statement on the same handle
 * directly, as Kysely's own SQLite driver would, without the driver's per-query promise chain:
 * better-sqlite3 is synchronous, so it runs inside whatever transaction the handle has open.
 */
const statementsByAdapter = new WeakMap<object, (sql: string) => Statement>();

export function registerSqliteStatements(db: Kysely<any>, prepare: (sql: string) => Statement): void {
  statementsByAdapter.set(db.getExecutor().adapter, prepare);
}

/** The same result shape as Kysely's SQLite driver, or null when `db` is not a registered read-model connection. */
export function runOnSqliteDirectly<R>(db: Kysely<any>, sql: string, parameters: readonly unknown[]): QueryResult<R> | null {
  const prepare = statementsByAdapter.get(db.getExecutor().adapter);
  if (!prepare) return null;
  const statement = prepare(sql);
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
}
