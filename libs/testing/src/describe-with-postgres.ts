import { postgresAvailable, postgresUnavailableReason } from './postgres-server';

/**
 * `describe` when the Jest global setup reached the server. Otherwise a skip that says so in the
 * output and in the run's summary line; under CI=true the global setup has already failed the run.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  if (postgresAvailable) {
    describe(name, body);
    return;
  }
  console.warn(`!!! SKIPPED "${name}": PostgreSQL is not available (${postgresUnavailableReason()})`);
  describe.skip(name, body);
}
