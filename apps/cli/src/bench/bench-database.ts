import { createThrowawayDatabase, DEFAULT_POSTGRES_URL, type ThrowawayDatabase } from '@crm/testing';

/**
 * A throw-away database for one PostgreSQL benchmark (BENCH_POSTGRES_URL, else the test server),
 * or null with a loud notice when the server cannot be reached: the SQLite figures still come out.
 * A server that answers but refuses (no right to CREATE DATABASE, …) is an error, not a skip.
 */
export async function postgresBenchDatabase(what: string): Promise<ThrowawayDatabase | null> {
  const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  try {
    return await createThrowawayDatabase({ serverUrl, prefix: 'crm_bench' });
  } catch (error) {
    if (/^[0-9A-Z]{5}$/.test(String((error as { code?: unknown }).code))) throw error; // a SQLSTATE: the server answered
    console.warn(`!!! ${what} SKIPPED: ${serverUrl} unreachable (${(error as Error).message})`);
    return null;
  }
}

/** `work` on a throw-away benchmark database, dropped afterwards even when it throws; `skipped` when unreachable. */
export async function onPostgresBenchDatabase<T>(what: string, skipped: T, work: (url: string) => Promise<T>): Promise<T> {
  const database = await postgresBenchDatabase(what);
  if (!database) return skipped;
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}
