import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, InvalidAppendError, type NewEvent } from '@crm/event-store';
import { EventStoreDbEventStore } from './esdb.event-store';

// nothing listens on port 1: the client fails the way it does when the cluster is down
const CLOSED = 'esdb://127.0.0.1:1?tls=false';

function event(metadata: Record<string, string> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'ThingHappened',
    data: { n: 1 },
    metadata: {
      actor: 'user:test',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-03-02T08:00:00.000Z',
      schemaVersion: 1,
      ...metadata,
    },
  };
}

describe('EventStoreDB event store with no server', () => {
  let store: EventStoreDbEventStore;
  beforeEach(async () => {
    store = await EventStoreDbEventStore.connect(CLOSED);
  });
  afterEach(async () => {
    await store.close();
  });

  it('ping resolves false instead of throwing', async () => {
    expect(await store.ping()).toBe(false);
  });

  it('an append rejects with EventStoreUnavailableError (503), not the client error', async () => {
    const error = await store.appendToStream(`s-${randomUUID()}`, [event()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toMatch(/EventStoreDB unavailable/);
  });

  it('reads reject with EventStoreUnavailableError', async () => {
    await expect(store.readStream(`s-${randomUUID()}`)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('a subscription reports the outage through onError and waitFor', async () => {
    const errors: Error[] = [];
    const subscription = store.subscribeToAll(() => undefined, { onError: (e) => errors.push(e) });
    await expect(subscription.waitFor(1)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
    await subscription.stop();
  });

  it('bad input is refused before the engine is contacted', async () => {
    const error = await store.appendToStream('has spaces', [event()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAppendError);
  });

  it('the reserved hash metadata key is refused', async () => {
    const error = await store.appendToStream(`s-${randomUUID()}`, [event({ 'crm:hash': 'forged' })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAppendError);
    expect(error).toMatchObject({ field: 'events[0].metadata' });
  });

  it('kurrentdb:// connection strings are accepted (the renamed product)', async () => {
    const renamed = await EventStoreDbEventStore.connect('kurrentdb://127.0.0.1:1?tls=false');
    expect(await renamed.ping()).toBe(false);
    await renamed.close();
  });
});
