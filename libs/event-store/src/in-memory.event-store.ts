import { checkExpectedRevision, chainHash, GENESIS_HASH, idempotencyVerdict, validateAppend } from './append-rules';
import { catchUpSubscription } from './catch-up.subscription';
import type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from './event-store.port';

/** For unit tests of pure logic only: nothing survives the process. */
export class InMemoryEventStore implements EventStore {
  readonly engine = 'memory' as const;
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events);
    const expected = options.expectedRevision ?? 'any';
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? null : stream.length - 1;
    const ids = new Set(events.map((e) => e.id));
    const verdict = idempotencyVerdict(streamId, events, stream.filter((e) => ids.has(e.id)), expected, actual);
    if (verdict.kind === 'duplicate') {
      const stored = stream.filter((e) => ids.has(e.id)).map(clone);
      return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position, events: stored };
    }
    checkExpectedRevision(streamId, expected, actual);
    const recordedAt = this.clock().toISOString();
    let previous = stream.at(-1)?.hash ?? GENESIS_HASH;
    const appended: StoredEvent[] = [];
    for (const event of events) {
      const revision = stream.length;
      const hash = chainHash(previous, streamId, revision, event);
      const stored: StoredEvent = structuredClone({ ...event, streamId, revision, position: this.all.length + 1, recordedAt, hash });
      stream.push(stored);
      this.all.push(stored);
      appended.push(clone(stored));
      previous = hash;
    }
    this.streams.set(streamId, stream);
    this.listeners.forEach((l) => l());
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, events: appended };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = options.from ?? stream.length - 1;
      return stream.filter((e) => e.revision <= from).reverse().slice(0, max).map(clone);
    }
    const from = options.from ?? 0;
    return stream.filter((e) => e.revision >= from).slice(0, max).map(clone);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromPosition ?? 0;
    return this.all.slice(from, from + (options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(clone);
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const stream = this.streams.get(streamId);
    return stream ? stream.length - 1 : null;
  }

  async headPosition(): Promise<number> {
    return this.all.length;
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    return catchUpSubscription({ readAll: (o) => this.readAll(o), onCommitted: (l) => this.onCommitted(l) }, handler, options);
  }

  onCommitted(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

function clone(event: StoredEvent): StoredEvent {
  return structuredClone(event);
}
