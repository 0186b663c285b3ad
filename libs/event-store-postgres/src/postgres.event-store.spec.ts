import { eventStoreContract } from '@crm/event-store';
import { createThrowawayDatabase, describeWithPostgres, type ThrowawayDatabase } from '@crm/testing';
import { PostgresEventStore } from './postgres.event-store';

describeWithPostgres('PostgreSQL event store (throw-away database)', () => {
  let database: ThrowawayDatabase;
  beforeAll(async () => {
    database = await createThrowawayDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  eventStoreContract('postgres', async () => {
    const store = await PostgresEventStore.connect(database.url, { pollMs: 100 });
    return { store, teardown: () => store.close() };
  });
});
