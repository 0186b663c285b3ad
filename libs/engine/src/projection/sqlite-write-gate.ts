import { realpathSync } from 'node:fs';
import type { EventStore } from '@crm/event-store';

/**
 * better-sqlite3 is synchronous: when an event append on one connection waits for the file's
 * write lock (busy_timeout), it blocks the whole thread, so a read-model transaction that holds
 * that lock on another connection of the SAME process, between two awaits, can never finish:
 * a deadlock until the timeout. Within one process every write to one SQLite file therefore
 * goes through this async gate (read-model transactions, and the event store's appends once the
 * store is gated: the store takes the gate once per commit of a group); other processes still
 * serialise on SQLite's own lock.
 */
class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
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
  const groupCommitting = store as unknown as { useWriteGate?: (gate: AsyncMutex) => void };
  if (typeof groupCommitting.useWriteGate === 'function') {
    // the store takes the gate per commit (a whole group at a time, ADR 0029): wrapping each append
    // would let only one append reach the store at a time and no group could ever form
    groupCommitting.useWriteGate(gate);
  } else {
    const append = store.appendToStream.bind(store);
    Object.defineProperty(store, 'appendToStream', {
      value: (...args: Parameters<EventStore['appendToStream']>) => gate.run(() => append(...args)),
      configurable: true,
    });
  }
  tagged[GATED] = true;
  return store;
}
