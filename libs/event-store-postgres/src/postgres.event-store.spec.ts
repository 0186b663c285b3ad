import { eventStoreContract } from '@crm/event-store';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../test/postgres.test-database';
import { PostgresEventStore } from './postgres.event-store';

describeWithPostgres('PostgreSQL event store (throw-away database)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  eventStoreContract('postgres', async () => {
    const store = await PostgresEventStore.connect(database.url, { pollMs: 100 });
    return { store, teardown: () => store.close() };
  });
});
