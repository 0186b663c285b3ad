import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { EventStore, ExpectedRevision, JsonObject, NewEvent } from '../event-store.port';

/** Each contract test gets a fresh store from the adapter's factory (possibly sharing one database). */
export interface ContractContext {
  readonly store: EventStore;
}

export function newEvent(type = 'ThingHappened', data: JsonObject = { n: 1 }): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: 'user:contract',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-03-02T08:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

export function newEvents(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }));
}

/** Unique per test, so that suites never depend on the store being empty. */
export function streamName(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

export async function expectConflict(
  attempt: Promise<unknown>,
  expected: ExpectedRevision,
  actual: number | null,
): Promise<void> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ expected, actual });
}

/** The fields the caller gave, as they must come back from every engine. */
export function asWritten(event: NewEvent): Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'> {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
}
