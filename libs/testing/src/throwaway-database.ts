import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { postgresServerUrl } from './postgres-server';

export interface ThrowawayDatabase {
  readonly name: string;
  readonly url: string;
  /** DROP … WITH (FORCE): connections still open are ended; a second call does nothing */
  drop(): Promise<void>;
}

export interface ThrowawayOptions {
  /** the server to create it on; default: the test server */
  serverUrl?: string;
  /** `crm_test` for test runs, `crm_bench` for benchmarks (told apart when one is left behind) */
  prefix?: string;
}

/** A database of its own on the local server, under a name no other run can pick. */
export async function createThrowawayDatabase(options: ThrowawayOptions = {}): Promise<ThrowawayDatabase> {
  const serverUrl = options.serverUrl ?? postgresServerUrl();
  const name = `${options.prefix ?? 'crm_test'}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | null = null;
  return {
    name,
    url: url.toString(),
    drop: () => (dropping ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** Runs `work` on a throw-away database and drops it afterwards, also when `work` throws. */
export async function withThrowawayDatabase<T>(work: (database: ThrowawayDatabase) => Promise<T>, options: ThrowawayOptions = {}): Promise<T> {
  const database = await createThrowawayDatabase(options);
  try {
    return await work(database);
  } finally {
    await database.drop();
  }
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
