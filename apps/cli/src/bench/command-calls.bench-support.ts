import type { EventStore } from '@crm/event-store';
import type { Pool } from 'pg';

/** Store methods a command can cost, forwards and backwards stream reads apart (the table names them so). */
const METHODS = ['appendToStream', 'readStream', 'readAll', 'streamRevision', 'headPosition'] as const;

export type CallCounts = Record<string, number>;

export interface CallCounter {
  counts: CallCounts;
  reset(): void;
}

/**
 * Counts every call of the store's methods, whoever makes it (requests, projections, reactors,
 * timers). Installed on the object itself before the service starts, as observeAppends does, so
 * the adapters' own wrappers (the SQLite write gate) still see the same object.
 */
export function countStoreCalls(store: EventStore): CallCounter {
  const counts: CallCounts = {};
  for (const method of METHODS) {
    const original = (store[method] as (...args: unknown[]) => unknown).bind(store);
    Object.defineProperty(store, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        const options = args[1] as { direction?: string } | undefined;
        const key = method === 'readStream' ? `readStream ${options?.direction === 'backwards' ? 'backwards' : 'forwards'}` : method;
        counts[key] = (counts[key] ?? 0) + 1;
        const result = original(...args);
        if (method === 'readAll') void (result as Promise<unknown[]>).then((events) => countRead(counts, events.length), () => undefined);
        return result;
      },
    });
  }
  return { counts, reset: () => Object.keys(counts).forEach((k) => delete counts[k]) };
}

/** Idle polls find nothing; what costs is the events read and parsed, so both are told apart. */
function countRead(counts: CallCounts, events: number): void {
  const key = events === 0 ? 'readAll (empty: idle polls)' : 'readAll (with events)';
  counts[key] = (counts[key] ?? 0) + 1;
  counts['events read by readAll'] = (counts['events read by readAll'] ?? 0) + events;
}

/** Counts the statements sent through a PostgreSQL pool (event store and read models share it): round trips per command. */
export function countPoolQueries(pool: Pool): CallCounter {
  const counts: CallCounts = {};
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  Object.defineProperty(pool, 'query', {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      const first = args[0] as string | { name?: string; text?: string };
      const key = typeof first === 'string' ? 'unnamed' : (first.name ?? 'unnamed');
      counts[key] = (counts[key] ?? 0) + 1;
      counts.total = (counts.total ?? 0) + 1;
      return original(...args);
    },
  });
  return { counts, reset: () => Object.keys(counts).forEach((k) => delete counts[k]) };
}
