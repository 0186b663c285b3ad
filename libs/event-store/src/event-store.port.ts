/**
 * The one event-store port every workflow, projection and timer writes through.
 * Semantics follow EventStoreDB so that the production engine maps onto it without surprises:
 * stream revisions start at 0, global positions increase strictly in commit order.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** What every stored event carries besides its data (architecture.md, "Events are the truth"). */
export interface EventMetadata {
  /** user id of whoever caused the event ('system:scheduler' for timers) */
  actor: string;
  correlationId: string;
  causationId: string | null;
  /** ISO 8601 instant the business fact happened (from the command's clock, not the store's) */
  occurredAt: string;
  schemaVersion: number;
  /** version of the XState machine that produced the event, for workflow events */
  machineVersion?: string;
  [extra: string]: JsonValue | undefined;
}

export interface NewEvent {
  /** UUID; re-appending the same ids at the same place is acknowledged without duplicating */
  id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface StoredEvent extends NewEvent {
  streamId: string;
  /** 0-based position of the event within its stream */
  revision: number;
  /** 1-based position in the store's single global order */
  position: number;
  /** ISO 8601 instant the store committed the event */
  recordedAt: string;
  /** sha-256 over the previous event's hash, this event's identity, data and metadata (tamper evidence) */
  hash: string;
}

/** `no_stream`: must not exist; `stream_exists`: must exist; `any`; or the exact last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** revision of the last event now in the stream */
  nextExpectedRevision: number;
  /** global position of the last appended event */
  position: number;
  /**
   * The batch as the store holds it (revision, position, recordedAt, hash), equal to what
   * readStream returns for it; for an idempotent re-append, the events first stored. A writer that
   * needs them (the engine's cache and response) does not read its own append back.
   */
  events: StoredEvent[];
}

export interface ReadStreamOptions {
  /** revision to start at (inclusive); default the start (or the end when reading backwards) */
  from?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** return events with position strictly greater than this checkpoint; default 0 (from the start) */
  fromPosition?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** checkpoint: delivery starts after this position; default 0 */
  fromPosition?: number;
  /** called when the subscription fails for good (the handler threw, or the store went away) */
  onError?: (error: Error) => void;
}

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface Subscription {
  /** resolves once no further handler call will start */
  stop(): Promise<void>;
  /** resolves when every event up to `position` has been handled */
  waitFor(position: number, timeoutMs?: number): Promise<void>;
}

export interface EventStore {
  readonly engine: 'memory' | 'sqlite' | 'postgres' | 'eventstoredb';
  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** events of one stream; an empty array when the stream does not exist */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** events of every stream in global order */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** last revision of the stream, or null when it does not exist */
  streamRevision(streamId: string): Promise<number | null>;
  /** position of the last event in the store, 0 when empty */
  headPosition(): Promise<number>;
  /** catch-up subscription: replays from the checkpoint, then delivers live, in order, each event once */
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /**
   * A wake-up without data, for loops that read from checkpoints of their own (projections,
   * reactors): `listener` runs after every commit made through this store object and, where the
   * engine tells, after other processes' commits (PostgreSQL NOTIFY, EventStoreDB's live $all; not
   * SQLite, whose readers poll). Calls may be coalesced or spurious; nothing is read to make them.
   * Returns the unregister function.
   */
  onCommitted(listener: () => void): () => void;
  /** readiness: resolves true when the engine answers */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
