import { Pool, type PoolConfig } from 'pg';
import {
  type AppendOptions,
  type AppendResult,
  catchUpSubscription,
  type EventHandler,
  type EventStore,
  EventStoreUnavailableError,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  validateAppend,
} from '@crm/event-store';
import { PgCommitListener } from './postgres.commit-listener';
import { mapPgError } from './postgres.errors';
import { PgGroupCommit } from './postgres.group-commit';
import { type EventRow, toStoredEvent } from './postgres.rows';
import * as SQL from './postgres.sql';

export interface PostgresEventStoreOptions {
  clock?: () => Date;
  /** fallback polling period of subscriptions (LISTEN/NOTIFY normally wakes them at once) */
  pollMs?: number;
}

export class PostgresEventStore implements EventStore {
  readonly engine = 'postgres' as const;
  private readonly commits: PgCommitListener;
  private readonly groups: PgGroupCommit;
  private closed = false;

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
    this.groups = new PgGroupCommit(pool, () => options.clock?.() ?? new Date(), () => this.commits.notifyLocal(), () => this.closed);
    // an idle pooled connection dropped by the server (restart, failover) must not crash the process:
    // the pool discards it and the next query opens a new one
    pool.on('error', () => undefined);
  }

  /** Concurrent appends are grouped into one es_append_group call (postgres.group-commit.ts, ADR 0022). */
  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events);
    if (this.closed) throw new EventStoreUnavailableError('the PostgreSQL event store is closed');
    return this.groups.append(streamId, events, options.expectedRevision ?? 'any');
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
    const last = backwards ? events[0] : events.at(-1);
    if (last) this.groups.saw(streamId, last.revision, last.hash);
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const rows = await this.query<EventRow>('es_read_all', SQL.READ_ALL_SQL, [options.fromPosition ?? 0, options.maxCount ?? null]);
    return rows.map(toStoredEvent);
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
    const source = { readAll: (o: ReadAllOptions) => this.readAll(o), onCommitted: (l: () => void) => this.commits.add(l) };
    return catchUpSubscription(source, handler, { pollMs: this.options.pollMs ?? 500, ...options });
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    return this.pool.query('SELECT 1').then(
      () => true,
      () => false,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.commits.close();
    if (this.ownsPool) await this.pool.end();
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
