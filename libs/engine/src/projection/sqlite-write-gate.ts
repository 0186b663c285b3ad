import { realpathSync } from 'node:fs';
import type { EventStore } from '@crm/event-store';

/**
 * better-sqlite3 is synchronous: when an event append on one connection waits for the file's
 * write lock (busy_timeout), it blocks the whole thread, so a read-model transaction that holds
 * that lock on another connection of the SAME process, between two awaits, can never finish:
 * a deadlock until the timeout. Within one process every write to one SQLite file therefore
 * goes through this async gate (read-model transactions, and the event store's appends once the
 * store is gated); other processes still serialise on SQLite's own lock.
 */
class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();
  /** the appends waiting to enter together, while their turn has not come */
  private pending: (() => Promise<unknown>)[] | null = null;

  run<T>(work: () => Promise<T>): Promise<T> {
    this.pending = null;
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Event appends enter together: they hold no lock between awaits (the store commits them in one
   * synchronous group, sqlite.group-commit.ts), so letting them in side by side keeps the gate's
   * promise — no read-model transaction is open while they run — and lets the store group them.
   * The turn starts on the next tick, so every append issued by the same burst of work joins it.
   */
  runShared<T>(work: () => Promise<T>): Promise<T> {
    let works = this.pending;
    if (!works) {
      const joined: (() => Promise<unknown>)[] = (works = []);
      this.pending = joined;
      this.tail = this.tail
        .then(() => new Promise<void>((resolve) => process.nextTick(resolve)))
        .then(() => {
          if (this.pending === joined) this.pending = null;
          return Promise.allSettled(joined.map((w) => w()));
        });
    }
    return new Promise<T>((resolve, reject) => works.push(() => work().then(resolve, reject)));
  }
}

const gates = new Map<string, AsyncMutex>();
const GATED = Symbol.for('crm.engine.sqlite-write-gate');

export function sqliteWriteGate(path: string): AsyncMutex {
  let key = path;
  try {
    key = realpathSync(path);
  } catch {
    // a file not created yet keeps its given name
  }
  let gate = gates.get(key);
  if (!gate) gates.set(key, (gate = new AsyncMutex()));
  return gate;
}

/** Routes a SQLite store's appends through its file's gate (idempotent; other engines untouched). */
export function gateSqliteStore<T extends EventStore>(store: T): T {
  const handle = (store as unknown as { database?: { name?: string; memory?: boolean } }).database;
  const tagged = store as unknown as Record<symbol, boolean>;
  if (store.engine !== 'sqlite' || !handle?.name || handle.memory || tagged[GATED]) return store;
  const gate = sqliteWriteGate(handle.name);
  const append = store.appendToStream.bind(store);
  Object.defineProperty(store, 'appendToStream', {
    value: (...args: Parameters<EventStore['appendToStream']>) => gate.runShared(() => append(...args)),
    configurable: true,
  });
  tagged[GATED] = true;
  return store;
}
