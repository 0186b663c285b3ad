/** The local server the tests use (CI starts it); the Jest global setup fills TEST_POSTGRES_URL in. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function postgresServerUrl(): string {
  return process.env.TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
}

/** Set by tools/jest.global-setup.cjs once per run: 'available', or 'unavailable: <why>' (never under CI=true). */
export const postgresAvailable = process.env.CRM_TEST_POSTGRES === 'available';

export function postgresUnavailableReason(): string {
  return process.env.CRM_TEST_POSTGRES ?? 'no Jest global setup ran';
}
