import { Pool, type PoolClient, type PoolConfig } from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  catchUpSubscription,
  checkExpectedRevision,
  type EventHandler,
  type EventStore,
  EventStoreUnavailableError,
  type ExpectedRevision,
  GroupCommitQueue,
  type GroupOutcome,
  idempotencyVerdict,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SerializedEvent,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  validateAppend,
} from '@crm/event-store';
import { PgCommitListener } from './postgres.commit-listener';
import { HeldBackRetry } from './postgres.held-back';
import { StreamHeads } from './postgres.stream-heads';
import { isUniqueViolation, mapPgError } from './postgres.errors';
import {
  type AppendArguments,
  appendArguments,
  appendCall,
  appendedEvents,
  type AppendRow,
  type AppendState,
  type AppendStateRow,
  type EventRow,
  toAppendState,
  toStoredEvent,
} from './postgres.rows';
import * as SQL from './postgres.sql';

export interface PostgresEventStoreOptions {
  clock?: () => Date;
  /** fallback polling period of subscriptions (LISTEN/NOTIFY normally wakes them at once) */
  pollMs?: number;
  /**
   * Appends decided while a group is being committed share the next transaction and its WAL
   * flush (ADR 0029); default on. Off: each append is its own transaction.
   */
  groupCommit?: boolean;
  /** told the size of every committed group (tests, metrics) */
  onGroup?: (size: number) => void;
}

/** a writer keeps losing the race only under extreme contention on one stream with expectedRevision any */
const MAX_STALE_RETRIES = 100;
/** reads again after 0, 1, 2 and 3 ms before answering up to a hold */
const HELD_BACK_REREADS = 4;

export class PostgresEventStore implements EventStore {
  readonly engine = 'postgres' as const;
  private readonly commits: PgCommitListener;
  private readonly groups: GroupCommitQueue<AppendArguments, AppendRow> | null;
  private closed = false;
  private readonly heldBack = new HeldBackRetry();
  /** the last revision and hash this process saw of each recent stream: an exact append needs no head read */
  private readonly heads = new StreamHeads();

  /** Connects a pool of its own and creates the schema if needed; close() ends the pool. */
  static async connect(url: string, options: PostgresEventStoreOptions & { pool?: PoolConfig } = {}): Promise<PostgresEventStore> {
    return PostgresEventStore.create(new Pool({ connectionString: url, ...options.pool }), options, true);
  }

  /** Uses a pool the caller owns (projections share it to write read models next to the events). */
  static async create(pool: Pool, options: PostgresEventStoreOptions = {}, ownsPool = false): Promise<PostgresEventStore> {
    try {
      await pool.query(SQL.SCHEMA_SQL);
    } catch (error) {
      if (ownsPool) await pool.end().catch(() => undefined);
      throw mapPgError(error);
    }
    return new PostgresEventStore(pool, options, ownsPool);
  }

  private constructor(
    readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
    private readonly ownsPool: boolean,
  ) {
    this.commits = new PgCommitListener(pool);
    this.groups = options.groupCommit === false ? null : new GroupCommitQueue((group) => this.commitGroup(group), { onGroup: options.onGroup });
    // an idle pooled connection dropped by the server (restart, failover) must not crash the process:
    // the pool discards it and the next query opens a new one
    pool.on('error', () => undefined);
  }

  /**
   * Optimistic. When this process knows the stream's head the caller expects (it read or wrote it
   * last), the append is one statement: es_append re-checks head, hash and ids itself. Otherwise,
   * or when that answers 'stale', the head and stored ids are read first and idempotency and the
   * expected revision decided here; if another writer got there in between, we decide again.
   */
  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const serialized = validateAppend(streamId, events);
    const expected = options.expectedRevision ?? 'any';
    const ids = events.map((e) => e.id);
    const known = this.heads.knownFor(streamId, expected);
    if (known !== undefined) {
      const outcome = await this.commitAppend(streamId, events, serialized, known);
      if (outcome) return outcome;
      this.heads.forget(streamId);
    }
    for (let attempt = 0; attempt < MAX_STALE_RETRIES; attempt++) {
      const outcome = await this.tryAppend(streamId, events, serialized, ids, expected);
      if (outcome) return outcome;
    }
    throw new EventStoreUnavailableError(`stream ${streamId}: gave up after ${MAX_STALE_RETRIES} contended attempts`);
  }

  private async tryAppend(streamId: string, events: readonly NewEvent[], serialized: readonly SerializedEvent[], ids: string[], expected: ExpectedRevision): Promise<AppendResult | null> {
    const state = toAppendState(await this.query<AppendStateRow>('es_append_state', SQL.APPEND_STATE_SQL, [streamId, ids]));
    const actual = state.last?.revision ?? null;
    if (state.last) this.heads.saw(streamId, state.last.revision, state.last.hash);
    const verdict = idempotencyVerdict(streamId, events, state.stored, expected, actual);
    if (verdict.kind === 'duplicate') {
      // rare (a retry): the first append's events are read back
      const stored = await this.readStream(streamId, { from: verdict.last.revision - events.length + 1, maxCount: events.length });
      return { nextExpectedRevision: verdict.last.revision, position: verdict.last.position, events: stored };
    }
    checkExpectedRevision(streamId, expected, actual);
    return this.commitAppend(streamId, events, serialized, state.last);
  }

  /** es_append after `last` (null: a new stream); null when the stream was not where we thought. */
  private async commitAppend(streamId: string, events: readonly NewEvent[], serialized: readonly SerializedEvent[], last: AppendState['last']): Promise<AppendResult | null> {
    const recordedAt = (this.options.clock?.() ?? new Date()).toISOString();
    const args = appendArguments(streamId, last, events, recordedAt);
    const row = this.groups ? await this.groups.submit(args) : await this.appendAlone(args);
    if (row.status !== 'ok') return null;
    const [lastRevision, lastPosition] = [Number(row.last_revision), Number(row.last_position)];
    const hashes = args.events.map((e) => e.hash);
    this.heads.saw(streamId, lastRevision, hashes[hashes.length - 1]);
    this.commits.notifyLocal(lastPosition);
    const stored = appendedEvents(streamId, events, serialized, { lastRevision, lastPosition, recordedAt, hashes });
    return { nextExpectedRevision: lastRevision, position: lastPosition, events: stored };
  }

  /** appends decided and not yet answered by a commit (the held-transaction test waits on it) */
  get appendsInGroups(): number {
    return this.groups?.unanswered ?? 0;
  }

  private async appendAlone(args: AppendArguments): Promise<AppendRow> {
    const call = appendCall(args);
    try {
      const [row] = await this.appendStatement<AppendRow>(call.name, call.text, call.values);
      return row;
    } catch (error) {
      // another writer took the revision between the check and the insert, or the batch repeats ids
      // stored in the stream: decided again after reading the stream, like a lost race
      if (isUniqueViolation(error, 'es_events_stream_revision') || isUniqueViolation(error, 'es_events_stream_event_id')) {
        return { status: 'stale', last_revision: null, last_position: null };
      }
      throw error;
    }
  }

  /**
   * One statement and one commit for the whole group. An error in one append aborts the group's
   * transaction; then each is tried alone, so that only the faulty one fails.
   */
  private async commitGroup(group: readonly AppendArguments[]): Promise<GroupOutcome<AppendRow>[]> {
    if (group.length > 1) {
      try {
        const rows = await this.appendStatement<AppendRow>('es_append_group', SQL.APPEND_GROUP_SQL, [JSON.stringify(group)]);
        return rows.map((value) => ({ ok: true, value }));
      } catch (error) {
        if (error instanceof EventStoreUnavailableError) return group.map(() => ({ ok: false, error }));
      }
    }
    return Promise.all(
      group.map((args) =>
        this.appendAlone(args).then(
          (value): GroupOutcome<AppendRow> => ({ ok: true, value }),
          (error: unknown): GroupOutcome<AppendRow> => ({ ok: false, error }),
        ),
      ),
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const rows = await this.query<EventRow>(
      backwards ? 'es_read_backwards' : 'es_read_forwards',
      backwards ? SQL.READ_BACKWARDS_SQL : SQL.READ_FORWARDS_SQL,
      [streamId, from, options.maxCount ?? null],
    );
    const events = rows.map(toStoredEvent);
    const newest = backwards ? events[0] : events[events.length - 1];
    if (newest) this.heads.saw(streamId, newest.revision, newest.hash);
    return events;
  }

  /**
   * Every committed event after `fromPosition` up to the first one an append still in flight
   * holds back (ADR 0036). A hold is usually over within milliseconds (or was only seen because a
   * transaction ended while the read began), so the read is tried again a few times before it
   * answers the part before the hold; then subscribers are woken again shortly, since the append
   * that held them may end without a notification reaching this process first.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const args = [options.fromPosition ?? 0, options.maxCount ?? null];
    for (let attempt = 0; ; attempt++) {
      const rows = await this.query<EventRow & { held: boolean }>('es_read_all', SQL.READ_ALL_SQL, args);
      const held = rows.findIndex((row) => row.held);
      if (held < 0) {
        this.heldBack.clear();
        return rows.map(toStoredEvent);
      }
      if (attempt === HELD_BACK_REREADS) {
        this.heldBack.schedule(() => this.commits.notifyLocal());
        return rows.slice(0, held).map(toStoredEvent);
      }
      await new Promise((resolve) => setTimeout(resolve, attempt));
    }
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const [row] = await this.query<{ revision: string | null }>('es_stream_revision', SQL.STREAM_REVISION_SQL, [streamId]);
    return row.revision === null ? null : Number(row.revision);
  }

  async headPosition(): Promise<number> {
    const [row] = await this.query<{ head: string }>('es_head', SQL.HEAD_SQL, []);
    return Number(row.head);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const source = { readAll: (o: ReadAllOptions) => this.readAll(o), onCommitted: (l: () => void) => this.onCommitted(l) };
    return catchUpSubscription(source, handler, { pollMs: this.options.pollMs ?? 500, ...options });
  }

  /** Local commits at once, every process's through LISTEN (es_append notifies at commit). */
  onCommitted(listener: () => void): () => void {
    return this.commits.add(listener);
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    return this.pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
  }

  /** Appends already decided are committed (and answered) before the pool ends. */
  async close(): Promise<void> {
    await this.groups?.idle();
    this.closed = true;
    this.heldBack.stop();
    await this.commits.close();
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * An append statement on a connection of its own: if it fails, the position lock it may have
   * taken (a session lock, ADR 0036) is released on that same connection before it goes back to
   * the pool. A connection that broke takes its locks with it.
   */
  private async appendStatement<R>(name: string, text: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new EventStoreUnavailableError('the PostgreSQL event store is closed');
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw mapPgError(error);
    }
    let rows: R[];
    try {
      rows = (await client.query({ name, text, values })).rows as R[];
    } catch (error) {
      const broken = await client.query('SELECT pg_advisory_unlock_all()').then(() => false, () => true);
      client.release(broken);
      throw mapPgError(error);
    }
    client.release();
    return rows;
  }

  /** Named statements: each pooled connection parses and plans them once. */
  private async query<R>(name: string, text: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new EventStoreUnavailableError('the PostgreSQL event store is closed');
    try {
      return (await this.pool.query({ name, text, values })).rows as R[];
    } catch (error) {
      throw mapPgError(error);
    }
  }
}
