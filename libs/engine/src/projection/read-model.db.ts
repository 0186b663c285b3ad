import { randomUUID } from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import type { EventStore } from '@crm/event-store';
import { type LeaderLock, PgAdvisoryLocks, SqliteLease } from './leader-lock';
import type { ReadModelDialect } from './projection';
import { CHECKPOINT_DDL } from './checkpoints';
import { registerSqliteStatements } from './sqlite-direct';
import { runStatements } from './sql-statements';
import { gateSqliteStore, sqliteWriteGate } from './sqlite-write-gate';

export type ReadModelSource =
  /** a second connection on the same file as a SQLite event store (the store's handle is never shared, see below) */
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; pool: Pool }
  | { kind: 'postgres'; url: string };

const PG_DDL_LOCK = 7_305_320_001;

/**
 * Where read models, checkpoints, leases and timers live, with one query layer (Kysely) for both
 * engines. On SQLite it opens its OWN handle on the store's file: better-sqlite3 nests a
 * transaction started on a handle that is already inside one as a SAVEPOINT, so sharing the
 * store's handle would let an event append silently join (and roll back with) a projection batch.
 */
export class ReadModelDb {
  readonly owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private locks: PgAdvisoryLocks | null = null;

  private constructor(
    readonly dialect: ReadModelDialect,
    readonly db: Kysely<any>,
    private readonly closeSource: () => Promise<void>,
    private readonly pool: Pool | null,
    private readonly gate: { run<T>(work: () => Promise<T>): Promise<T> } | null,
  ) {}

  static async open(source: ReadModelSource): Promise<ReadModelDb> {
    if (source.kind === 'sqlite') {
      const handle = new BetterSqlite3(source.path);
      handle.pragma('journal_mode = WAL');
      // what is kept here is derived or tolerates a rollback to an earlier commit (see transaction): NORMAL
      handle.pragma('synchronous = NORMAL');
      handle.pragma('busy_timeout = 15000');
      const database = withStatementCache(handle);
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
      registerSqliteStatements(db, database.prepare);
      const readModels = new ReadModelDb('sqlite', db, async () => void handle.close(), null, sqliteWriteGate(source.path));
      await readModels.ddl((trx) => runStatements(trx, CHECKPOINT_DDL.sqlite));
      return readModels;
    }
    const owned = 'url' in source;
    const pool = owned ? new Pool({ connectionString: source.url }) : source.pool;
    pool.on('error', () => undefined);
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    // Kysely's destroy() would end the pool; a shared pool belongs to the event store
    const readModels = new ReadModelDb('postgres', db, async () => void (owned ? await pool.end() : undefined), pool, null);
    await readModels.ddl((trx) => runStatements(trx, CHECKPOINT_DDL.postgres));
    return readModels;
  }

  /**
   * One write transaction. SQLite: BEGIN IMMEDIATE takes the file's write lock up front, so two
   * processes serialise instead of failing a read-to-write upgrade with SQLITE_BUSY.
   *
   * Durability (ADR 0011): by default the commit does not wait for the disk (SQLite: the
   * connection's synchronous=NORMAL; PostgreSQL: synchronous_commit off for this transaction).
   * Everything kept here by default is derived from the events or tolerates going back to an
   * earlier commit after a power loss: read models with their checkpoints (replayed from the
   * checkpoint), leases, timer claims, reactor checkpoints, at-least-once delivery records. The
   * event store's own commits stay durable, and a later durable commit flushes every earlier one.
   * Data that exists nowhere else (configuration) passes `{ commit: 'durable' }`.
   */
  async transaction<T>(work: (trx: Kysely<any>) => Promise<T>, options: { commit?: 'derived' | 'durable' } = {}): Promise<T> {
    const durable = options.commit === 'durable';
    if (this.dialect === 'postgres') {
      return this.db.transaction().execute(async (trx) => {
        if (!durable) await sql`set local synchronous_commit = off`.execute(trx);
        return work(trx);
      });
    }
    const gate = this.gate as NonNullable<typeof this.gate>;
    return gate.run(() => this.sqliteTransaction(work, durable));
  }

  private sqliteTransaction<T>(work: (trx: Kysely<any>) => Promise<T>, durable: boolean): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      // a connection setting, not a transaction's: set back at once (the gate keeps other transactions out)
      if (durable) await sql`pragma synchronous = full`.execute(conn);
      try {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      } finally {
        if (durable) await sql`pragma synchronous = normal`.execute(conn);
      }
    });
  }

  /** Schema changes serialised across processes (concurrent CREATE ... IF NOT EXISTS races in PostgreSQL). */
  async ddl(work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
    await this.transaction(async (trx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${PG_DDL_LOCK})`.execute(trx);
      await work(trx);
    });
  }

  /** Exclusive role across processes: PG session advisory lock, SQLite lease row. */
  leaderLock(name: string, leaseMs = 5000): LeaderLock {
    if (this.dialect === 'sqlite') return new SqliteLease(this, name, leaseMs);
    this.locks ??= new PgAdvisoryLocks(this.pool as Pool);
    return this.locks.lock(name);
  }

  async close(): Promise<void> {
    await this.locks?.close();
    await this.closeSource();
  }
}

/**
 * Kysely's SQLite driver prepares every query anew; projections run the same few statements
 * thousands of times, so prepared statements are kept per SQL text (bounded). Safe because the
 * driver runs one query at a time on this connection and never streams here.
 */
function withStatementCache(handle: Database, max = 500) {
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  return {
    close: () => handle.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        statement = handle.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * Read models next to the events: from a SQLite or PostgreSQL event store (duck-typed on the
 * handle / pool they expose), or from an explicit source.
 */
export async function createReadModelDb(source: ReadModelSource | EventStore): Promise<ReadModelDb> {
  if ('kind' in source) return ReadModelDb.open(source);
  if (source.engine === 'sqlite') {
    const handle = (source as unknown as { database: Database }).database;
    if (!handle?.name || handle.memory) throw new Error('a SQLite read model needs the event store to be a file');
    gateSqliteStore(source);
    return ReadModelDb.open({ kind: 'sqlite', path: handle.name });
  }
  if (source.engine === 'postgres') return ReadModelDb.open({ kind: 'postgres', pool: (source as unknown as { pool: Pool }).pool });
  throw new Error(`read models for the ${source.engine} engine need an explicit SQLite or PostgreSQL source`);
}
