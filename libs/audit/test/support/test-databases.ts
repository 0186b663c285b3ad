import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const postgresAvailable = process.env.CRM_TEST_POSTGRES === 'available';

/** `describe` when the local server answered in the Jest global setup, otherwise a loud skip. */
export function describeWithPostgres(name: string, body: () => void): void {
  if (!postgresAvailable) {
    console.warn(`!!! SKIPPED "${name}": PostgreSQL is not available (${process.env.CRM_TEST_POSTGRES ?? 'no global setup'})`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A throw-away database on the test server, dropped after the file's tests. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `crm_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh directory for SQLite files, removed by the returned function. */
export function tmpSqliteDir(): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-audit-'));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
