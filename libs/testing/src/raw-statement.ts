import Database from 'better-sqlite3';
import { Client } from 'pg';

/** Where a store's tables are, as a tamperer with database access would reach them. */
export type DatabaseLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * One statement on the store's own database, outside the service (what someone with database
 * access does behind its back). `?` placeholders on both engines; answers the rows changed.
 */
export async function rawStatement(location: DatabaseLocation, statement: string, params: readonly unknown[] = []): Promise<number> {
  if (location.kind === 'sqlite') {
    const handle = new Database(location.path);
    try {
      return handle.prepare(statement).run(...(params as unknown[])).changes;
    } finally {
      handle.close();
    }
  }
  const client = new Client({ connectionString: location.url });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(statement.replace(/\?/g, () => `$${++n}`), [...params])).rowCount ?? 0;
  } finally {
    await client.end();
  }
}
