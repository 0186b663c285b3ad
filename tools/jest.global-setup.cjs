// Decides once per run which real engines the suites can reach, and says so loudly.
// Locally a missing engine skips its suite with a notice; under CI=true a missing PostgreSQL fails.
const { existsSync } = require('node:fs');
const { Client } = require('pg');

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresReachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function containerRuntime() {
  try {
    const { getContainerRuntimeClient } = require('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch (error) {
    return String(error.message || error).split('\n')[0];
  }
}

module.exports = async function globalSetup() {
  const pgUrl = process.env.TEST_POSTGRES_URL || DEFAULT_PG;
  process.env.TEST_POSTGRES_URL = pgUrl;
  const pg = await postgresReachable(pgUrl);
  if (pg === true) {
    process.env.CRM_TEST_POSTGRES = 'available';
  } else if (process.env.CI === 'true') {
    throw new Error(`CI=true but PostgreSQL at ${pgUrl} is unreachable: ${pg}`);
  } else {
    process.env.CRM_TEST_POSTGRES = `unavailable: ${pg}`;
    console.warn(`\n!!! PostgreSQL suites SKIPPED: ${pgUrl} unreachable (${pg}). Set TEST_POSTGRES_URL.\n`);
  }
  // the browser suites decide for themselves (apps/console/test/support/browser.ts); this only
  // tells the summary reporter, so a skipped browser suite is never mistaken for a passing one
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  process.env.CRM_TEST_CHROMIUM = existsSync(chromium) ? 'available' : `unavailable: no Chromium at ${chromium}`;
  if (process.env.EVENTSTORE_URL) {
    process.env.CRM_TEST_ESDB = 'available';
  } else {
    const runtime = await containerRuntime();
    process.env.CRM_TEST_ESDB = runtime === true ? 'container' : `unavailable: ${runtime}`;
    if (runtime !== true) {
      console.warn(
        `\n!!! EventStoreDB suites SKIPPED: EVENTSTORE_URL is not set and no container runtime was found (${runtime}).\n`,
      );
    }
  }
};
