import { type Kysely, sql } from 'kysely';

/** One statement per call: better-sqlite3 prepares a single statement at a time. */
export async function runStatements(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
