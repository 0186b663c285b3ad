import { WrongExpectedRevisionError } from './event-store.errors';
import type { EventStore } from './event-store.port';

/** What one append did, for whoever watches the store (metrics); never the events themselves. */
export interface AppendObservation {
  engine: EventStore['engine'];
  /** events in the batch */
  events: number;
  seconds: number;
  outcome: 'ok' | 'conflict' | 'error';
}

export type AppendObserver = (observation: AppendObservation) => void;

const OBSERVERS = Symbol.for('crm.event-store.append-observers');
type Observed = EventStore & { [OBSERVERS]?: Set<AppendObserver> };

/**
 * Reports every append made through this store object, whoever makes it (the engine, the user
 * directory, the calendar...). The method is replaced on the object itself, not behind a wrapper:
 * adapters are recognised by identity and by their own fields (the SQLite write gate, the read
 * models opened on the store's database). Installed once per object; returns the unsubscribe, so a
 * service stopped and restarted on the same store does not report twice.
 */
export function observeAppends(store: EventStore, observer: AppendObserver): () => void {
  const target = store as Observed;
  let observers = target[OBSERVERS];
  if (!observers) {
    const all = (observers = new Set<AppendObserver>());
    const append = store.appendToStream.bind(store);
    Object.defineProperty(store, 'appendToStream', {
      configurable: true,
      value: async (...args: Parameters<EventStore['appendToStream']>) => {
        const started = performance.now();
        const report = (outcome: AppendObservation['outcome']) => {
          const observation = { engine: store.engine, events: args[1].length, seconds: (performance.now() - started) / 1000, outcome };
          for (const watch of all) watch(observation);
        };
        try {
          const result = await append(...args);
          report('ok');
          return result;
        } catch (error) {
          report(error instanceof WrongExpectedRevisionError ? 'conflict' : 'error');
          throw error;
        }
      },
    });
    Object.defineProperty(store, OBSERVERS, { value: all });
  }
  observers.add(observer);
  return () => observers.delete(observer);
}
