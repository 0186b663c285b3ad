import type { Database, Transaction } from 'better-sqlite3';
import type { AppendResult } from '@crm/event-store';

/** One append waiting for its group: `run` does its checks and inserts inside the group's transaction. */
export interface PendingAppend {
  run(): AppendResult & { fresh: boolean };
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** enough to amortise one fsync many times over, small enough that a group's transaction stays short */
const MAX_GROUP = 256;

/**
 * Group commit for a synchronous driver. better-sqlite3 blocks the thread while it commits, so a
 * group is every append queued before the flush runs: the flush is deferred with process.nextTick,
 * which runs once the current macrotask and every microtask it chains have finished — the appends
 * of all writers resumed by the previous group's acknowledgements land in the next group. A lone
 * writer waits for no timer. The group is one BEGIN IMMEDIATE … COMMIT (one fsync with
 * synchronous=FULL); inside it each append runs in its own SAVEPOINT, so one that fails (a
 * conflict, a rejected insert) rolls back alone and the others commit. Nobody is answered before
 * the COMMIT has returned, i.e. before the group is durable.
 */
export class SqliteGroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly group: Transaction<(appends: readonly PendingAppend[]) => Outcome[]>;

  constructor(
    private readonly db: Database,
    private readonly committed: (outcomes: readonly Outcome[]) => void,
    private readonly unavailable: () => Error | null,
  ) {
    // a transaction function called inside another runs as a SAVEPOINT (better-sqlite3)
    const alone = db.transaction((append: PendingAppend) => append.run());
    this.group = db.transaction((appends: readonly PendingAppend[]) =>
      appends.length === 1 ? [{ ok: appends[0].run() }] : appends.map((append) => this.inSavepoint(alone, append)),
    );
  }

  enqueue(append: PendingAppend): void {
    this.queue.push(append);
    if (this.scheduled) return;
    this.scheduled = true;
    process.nextTick(() => this.flush());
  }

  private inSavepoint(alone: (append: PendingAppend) => AppendResult & { fresh: boolean }, append: PendingAppend): Outcome {
    try {
      return { ok: alone(append) };
    } catch (error) {
      // SQLite rolls a whole transaction back on some errors (I/O, full disk): then nobody may commit
      if (!this.db.inTransaction) throw error;
      return { error };
    }
  }

  private flush(): void {
    this.scheduled = false;
    const appends = this.queue.splice(0, MAX_GROUP);
    if (this.queue.length > 0) {
      this.scheduled = true;
      process.nextTick(() => this.flush());
    }
    const closed = this.unavailable();
    if (closed) return appends.forEach((a) => a.reject(closed));
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock before any revision is read, so another process cannot slip in between
      outcomes = this.group.immediate(appends);
    } catch (error) {
      return appends.forEach((a) => a.reject(error));
    }
    this.committed(outcomes);
    outcomes.forEach((outcome, i) => {
      if ('ok' in outcome) appends[i].resolve({ nextExpectedRevision: outcome.ok.nextExpectedRevision, position: outcome.ok.position });
      else appends[i].reject(outcome.error);
    });
  }
}

export type Outcome = { ok: AppendResult & { fresh: boolean } } | { error: unknown };
