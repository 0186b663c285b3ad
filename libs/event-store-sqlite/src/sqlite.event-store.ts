import BetterSqlite3, { type Database } from 'better-sqlite3';
import {
  type AppendOptions,
  type AppendResult,
  catchUpSubscription,
  chainHash,
  checkExpectedRevision,
  type CommitRunner,
  type EventHandler,
  type EventStore,
  EventStoreUnavailableError,
  GENESIS_HASH,
  GroupCommitQueue,
  type GroupOutcome,
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
  /**
   * Concurrent appends share one transaction and one fsync (ADR 0029); default on. Off: each
   * append commits alone, at once.
   */
  groupCommit?: boolean;
  /** told the size of every committed group (tests, metrics) */
  onGroup?: (size: number) => void;
}

const NO_LIMIT = -1;

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  serialized: readonly SerializedEvent[];
  expected: NonNullable<AppendOptions['expectedRevision']>;
}

type LockedResult = AppendResult & { fresh: boolean };

/** The embedded default engine: one file, durable commits, one writer at a time. */
export class SqliteEventStore implements EventStore {
  readonly engine = 'sqlite' as const;
  private readonly statements: SqliteStatements;
  /** better-sqlite3 builds a transaction wrapper per call to db.transaction; one is enough */
  private readonly appendTransaction: ReturnType<typeof this.prepareAppendTransaction>;
  private readonly groupTransaction: ReturnType<typeof this.prepareGroupTransaction>;
  private readonly groups: GroupCommitQueue<PendingAppend, LockedResult> | null;
  /** where commits run: directly, or through the engine's write gate of this file */
  private runner: CommitRunner = (work) => work();
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
   * With group commit, appends commit in a later turn of the event loop: a caller must not keep a
   * transaction of its own open on this handle across an await, or a group would join it.
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
    this.groupTransaction = this.prepareGroupTransaction();
    this.groups =
      options.groupCommit === false
        ? null
        : new GroupCommitQueue((group) => Promise.resolve(this.commitGroup(group)), {
            run: (work) => this.runner(work),
            onGroup: options.onGroup,
          });
  }

  /**
   * Within one process every write to the file goes through the engine's gate (sqlite-write-gate);
   * a whole group takes one turn, and appends arriving while a read-model transaction holds the
   * gate join the group that waits for it.
   */
  useWriteGate(gate: { run: CommitRunner }): void {
    this.runner = (work) => gate.run(work);
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

  /** Group commit: same semantics (contract suite) and the same durability, fewer fsyncs under concurrency. */
  private prepareGroupTransaction() {
    return this.db.transaction((group: readonly PendingAppend[]): GroupOutcome<LockedResult>[] =>
      // called inside a transaction, better-sqlite3 runs each append in its own SAVEPOINT: a losing append rolls back alone
      group.map((a) => attempt(() => this.appendTransaction(a.streamId, a.events, a.serialized, a.expected))),
    );
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const serialized = validateAppend(streamId, events);
    this.assertOpen();
    const pending = { streamId, events, serialized, expected: options.expectedRevision ?? 'any' };
    const result = this.groups
      ? await this.groups.submit(pending)
      : await this.runner(async () => {
          const [outcome] = this.commitGroup([pending]);
          if (!outcome.ok) throw outcome.error;
          return outcome.value;
        });
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position, events: result.events };
  }

  /** Answers only after COMMIT returned: with synchronous=FULL the WAL is on disk by then. */
  private commitGroup(group: readonly PendingAppend[]): GroupOutcome<LockedResult>[] {
    if (this.closed || !this.db.open) {
      return group.map(() => ({ ok: false, error: new EventStoreUnavailableError('the SQLite event store is closed') }));
    }
    // IMMEDIATE takes the write lock before reading any revision, so another process cannot slip in between
    const outcomes =
      group.length === 1
        ? [attempt(() => this.appendTransaction.immediate(group[0].streamId, group[0].events, group[0].serialized, group[0].expected))]
        : this.groupTransaction.immediate(group);
    if (outcomes.some((o) => o.ok && o.value.fresh)) this.listeners.forEach((listener) => listener());
    return outcomes;
  }

  private appendLocked(
    streamId: string,
    events: readonly NewEvent[],
    serialized: readonly SerializedEvent[],
    expected: NonNullable<AppendOptions['expectedRevision']>,
  ): LockedResult {
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

  /** Appends already submitted are committed (and answered) before the handle closes. */
  async close(): Promise<void> {
    await this.groups?.idle();
    this.closed = true;
    this.listeners.clear();
    if (this.ownsHandle && this.db.open) this.db.close();
  }

  private assertOpen(): void {
    if (this.closed || !this.db.open) throw new EventStoreUnavailableError('the SQLite event store is closed');
  }
}

function attempt<R>(work: () => R): GroupOutcome<R> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}
