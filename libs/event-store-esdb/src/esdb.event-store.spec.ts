import { eventStoreContract } from '@crm/event-store';
import { describeWithEsdb, startTestServer, type TestServer } from '../test/esdb.test-server';
import { EventStoreDbEventStore } from './esdb.event-store';

jest.setTimeout(60_000);

describeWithEsdb('EventStoreDB event store (EVENTSTORE_URL or a container)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  eventStoreContract('eventstoredb', async () => {
    const store = await EventStoreDbEventStore.connect(server.url, { pollMs: 200 });
    return { store, teardown: () => store.close() };
  });
});
