// The throw-away databases live in libs/testing (@crm/testing); these names stay for the specs that use them.
export { createThrowawayDatabase as createTestDatabase, describeWithPostgres, postgresAvailable } from '@crm/testing';
