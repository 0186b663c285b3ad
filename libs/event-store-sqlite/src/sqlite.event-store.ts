import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  type AppendOptions,
  type AppendResult,
  catchUpSubscription,
  chainHash,
  checkExpectedRevision,
  type EventHandler,
  type EventStore,
  EventStoreUnavailableError,
  GENESIS_HASH,
  idempotencyVerdict,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StoredEventRef,
  type SerializedEvent,
  type SubscribeOptions,
  type Subscription,
  validateAppend,
  WrongExpectedRevisionError,
} from '@crm/event-store';
import { type ModeChange, restrictSqliteFiles } from './file-modes';
import { applyDurablePragmas, type EventRow, SCHEMA, toStoredEvent } from './sqlite.schema';
import { prepareStatements, type SqliteStatements } from './sqlite.statements';

export interface SqliteEventStoreOptions {
  clock?: () => Date;
  /** how often subscriptions look for commits made by other processes on the same file */
  pollMs?: number;
  /** told which looser modes `open` narrowed (directory 0700, file, -wal, -shm 0600), to log them */
  onFileModes?: (changes: readonly ModeChange[]) => void;
}

const NO_LIMIT = -1;

/** The embedded default engine: one file, durable commits, one writer at a time. */
export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite' as const;
  private readonly statements: SqliteStatements;
  /** better-sqlite3 builds a transaction wrapper per call to db.transaction; one is enough */
  private readonly appendTransaction: ReturnType<typeof this.prepareAppendTransaction>;
  private readonly listeners = new Set<() => void>();
  private closed = false;

  /**
   * Opens (and creates, with its directory) the store's file; the store owns and closes the handle.
   * The file holds password hashes: its directory is made 0700 and the files 0600, also when an
   * earlier start left them looser.
   */
  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    if (path !== ':memory:') {
      const changes = restrictSqliteFiles(path);
      if (changes.length > 0) options.onFileModes?.(changes);
    }
    return new SqliteEventStore(new BetterSqlite3(path), options, true);
  }

  /**
   * Shares a handle the caller owns, so that projections can write their read model and their
   * checkpoint in the same file and transaction. The handle is switched to WAL + synchronous=FULL.
   */
  constructor(
    private readonly db: Database,
    private readonly options: SqliteEventStoreOptions = {},
    private readonly ownsHandle = false,
  ) {
    applyDurablePragmas(db);
    db.exec(SCHEMA);
    this.statements = prepareStatements(db);
    this.appendTransaction = this.prepareAppendTransaction();
  }

  private prepareAppendTransaction() {
    return this.db.transaction(
      (streamId: string, events: readonly NewEvent[], serialized: readonly SerializedEvent[], expected: NonNullable<AppendOptions['expectedRevision']>) =>
        this.appendLocked(streamId, events, serialized, expected),
    );
  }

  /** The better-sqlite3 handle (for read models written in the same transaction as their checkpoint). */
  get database(): Database {
    return this.db;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const serialized = validateAppend(streamId, events);
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    // IMMEDIATE takes the write lock before reading the revision, so another process cannot slip in between.
    const result = this.appendTransaction.immediate(streamId, events, serialized, expected);
    if (result.fresh) this.listeners.forEach((listener) => listener());
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position, events: result.events };
  }

  private appendLocked(
    streamId: string,
    events: readonly NewEvent[],
    serialized: readonly SerializedEvent[],
    expected: NonNullable<AppendOptions['expectedRevision']>,
  ): AppendResult & { fresh: boolean } {
    const last = this.statements.last.get(streamId) as { revision: number; hash: string } | undefined;
    const actual = last?.revision ?? null;
    const stored = (
      events.length === 1
        ? this.statements.byId.all(events[0].id, streamId)
        : this.statements.byIds.all(JSON.stringify(events.map((e) => e.id)), streamId)
    ) as StoredEventRef[];
    const verdict = idempotencyVerdict(streamId, events, stored, expected, actual);
    if (verdict.kind === 'duplicate') {
      // rare (a retry): the first append's events are read, inside the same transaction
      const first = verdict.last.revision - events.length + 1;
      const rows = this.statements.readForwards.all(streamId, first, events.length) as EventRow[];
      return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position, events: rows.map(toStoredEvent), fresh: false };
    }
    checkExpectedRevision(streamId, expected, actual);
    const recordedAt = (this.options.clock?.() ?? new Date()).toISOString();
    let previous = last?.hash ?? GENESIS_HASH;
    let revision = actual ?? -1;
    let position = 0;
    const appended: StoredEvent[] = [];
    for (const [i, event] of events.entries()) {
      revision += 1;
      previous = chainHash(previous, streamId, revision, event);
      const { data, metadata } = serialized[i];
      const info = this.insert(streamId, expected, actual, [event.id, streamId, revision, event.type, data, metadata, recordedAt, previous]);
      position = Number(info.lastInsertRowid);
      // from the stored text, as a read would give it back (not the caller's objects)
      appended.push(toStoredEvent({ id: event.id, stream_id: streamId, revision, position, type: event.type, data, metadata, recorded_at: recordedAt, hash: previous }));
    }
    return { nextExpectedRevision: revision, position, events: appended, fresh: true };
  }

  private insert(
    streamId: string,
    expected: NonNullable<AppendOptions['expectedRevision']>,
    actual: number | null,
    row: [string, string, number, string, string, string, string, string],
  ) {
    try {
      return this.statements.insert.run(...row);
    } catch (error) {
      // unreachable while every writer goes through BEGIN IMMEDIATE; kept as the port's backstop
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new WrongExpectedRevisionError(streamId, expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const max = options.maxCount ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.statements.readBackwards.all(streamId, options.from ?? Number.MAX_SAFE_INTEGER, max)
        : this.statements.readForwards.all(streamId, options.from ?? 0, max);
    return (rows as EventRow[]).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = this.statements.readAll.all(options.fromPosition ?? 0, options.maxCount ?? NO_LIMIT);
    return (rows as EventRow[]).map(toStoredEvent);
  }

  async streamRevision(streamId: string): Promise<number | null> {
    this.assertOpen();
    return (this.statements.revision.get(streamId) as { revision: number | null }).revision;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return (this.statements.head.get() as { head: number }).head;
  }

  /** Local commits wake subscribers at once; commits by other processes are found by polling. */
  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const source = { readAll: (o: ReadAllOptions) => this.readAll(o), onCommitted: (l: () => void) => this.onCommitted(l) };
    return catchUpSubscription(source, handler, { pollMs: this.options.pollMs ?? 200, ...options });
  }

  /** Local commits only: another process's commits on the file are found by the readers' polling. */
  onCommitted(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async ping(): Promise<boolean> {
    if (this.closed || !this.db.open) return false;
    this.statements.head.get();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    if (this.ownsHandle && this.db.open) this.db.close();
  }

  private assertOpen(): void {
    if (this.closed || !this.db.open) throw new EventStoreUnavailableError('the SQLite event store is closed');
  }
}
