import { EventStoreDBClient, NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import {
  type AppendOptions,
  type AppendResult,
  catchUpSubscription,
  checkExpectedRevision,
  type EventHandler,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  GENESIS_HASH,
  idempotencyVerdict,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  validateAppend,
} from '@crm/event-store';
import { EsdbCommitSignal } from './esdb.commit-signal';
import { mapEsdbError } from './esdb.errors';
import { refuseReservedMetadata, toEventData } from './esdb.events';
import { readAllEvents, readHeadPosition, readStreamEvents } from './esdb.reads';

export interface EventStoreDbEventStoreOptions {
  /** fallback polling period of subscriptions (the live $all subscription normally wakes them) */
  pollMs?: number;
  /** deadline of the readiness probe */
  pingTimeoutMs?: number;
}

/** a writer keeps losing the race only under extreme contention on one stream */
const MAX_STALE_RETRIES = 100;

/**
 * The production engine. ESDB is used as a compare-and-swap log: every append is pinned to the
 * stream revision just read (whatever the caller's expectation), because each event's hash
 * depends on its revision and its predecessor. The port's rules (expected revision, idempotency)
 * are then decided by the shared append-rules on that read, exactly as in the other adapters.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly engine = 'eventstoredb' as const;
  private readonly signal: EsdbCommitSignal;

  /** `esdb://`, `esdb+discover://`, or the KurrentDB spellings `kurrentdb://`, `kurrentdb+discover://`. */
  static async connect(url: string, options: EventStoreDbEventStoreOptions = {}): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(url.replace(/^kurrent(?:db)?(\+discover)?:\/\//, 'esdb$1://'));
    return new EventStoreDbEventStore(client, options);
  }

  constructor(
    readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {
    this.signal = new EsdbCommitSignal(client);
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events);
    refuseReservedMetadata(events);
    const expected = options.expectedRevision ?? 'any';
    for (let attempt = 0; attempt < MAX_STALE_RETRIES; attempt++) {
      const outcome = await this.tryAppend(streamId, events, expected).catch((error: unknown) => {
        throw mapEsdbError(error);
      });
      if (outcome) return outcome;
    }
    throw new EventStoreUnavailableError(`stream ${streamId}: gave up after ${MAX_STALE_RETRIES} contended attempts`);
  }

  /** One optimistic attempt; null when another writer moved the stream between our read and write. */
  private async tryAppend(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult | null> {
    // the whole stream: ESDB cannot look events up by id, and a repeated id anywhere must be seen
    const stream = await readStreamEvents(this.client, streamId);
    const last = stream.at(-1);
    const actual = last?.revision ?? null;
    const ids = new Set(events.map((e) => e.id));
    const verdict = idempotencyVerdict(streamId, events, stream.filter((e) => ids.has(e.id)), expected, actual);
    if (verdict.kind === 'duplicate') {
      return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position, events: stream.filter((e) => ids.has(e.id)) };
    }
    checkExpectedRevision(streamId, expected, actual);
    try {
      const result = await this.client.appendToStream(streamId, toEventData(streamId, actual, last?.hash ?? GENESIS_HASH, events), {
        expectedRevision: actual === null ? NO_STREAM : BigInt(actual),
      });
      this.signal.notify();
      return await this.appendedAt(streamId, Number(result.nextExpectedRevision), events.length);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return null;
      throw error;
    }
  }

  /**
   * The append's response has no position per event, and `created` (recordedAt) is the server's:
   * the batch is read back, in one read.
   */
  private async appendedAt(streamId: string, revision: number, count: number): Promise<AppendResult> {
    const stored = await readStreamEvents(this.client, streamId, { from: revision - count + 1, maxCount: count });
    const last = stored.at(-1);
    if (!last || last.revision !== revision) throw new Error(`stream ${streamId}: revision ${revision} was acknowledged but cannot be read`);
    return { nextExpectedRevision: revision, position: last.position, events: stored };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return readStreamEvents(this.client, streamId, options).catch((error: unknown) => {
      throw mapEsdbError(error);
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return readAllEvents(this.client, options).catch((error: unknown) => {
      throw mapEsdbError(error);
    });
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last?.revision ?? null;
  }

  async headPosition(): Promise<number> {
    return readHeadPosition(this.client).catch((error: unknown) => {
      throw mapEsdbError(error);
    });
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return catchUpSubscription(
      { readAll: (o) => this.readAll(o), onCommitted: (listener) => this.onCommitted(listener) },
      handler,
      { pollMs: this.options.pollMs ?? 1000, ...options },
    );
  }

  /** Local appends at once, every replica's through the one live $all subscription. */
  onCommitted(listener: () => void): () => void {
    return this.signal.listen(listener);
  }

  async ping(): Promise<boolean> {
    try {
      const read = this.client.readAll({ maxCount: 1, deadline: this.options.pingTimeoutMs ?? 2000 });
      for await (const _ of read) break;
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.signal.close();
    await this.client.dispose();
  }
}
