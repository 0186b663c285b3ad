import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const postgresAvailable = process.env.CRM_TEST_POSTGRES === 'available';

/** `describe` when the Jest global setup reached the local PostgreSQL, else a loud skip. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (postgresAvailable) return describe(name, body);
  console.warn(`!!! SKIPPED "${name}": PostgreSQL is not available (${process.env.CRM_TEST_POSTGRES ?? 'no global setup'})`);
  describe.skip(name, body);
}

/** A throw-away database on the test server; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
