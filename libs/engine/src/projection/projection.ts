import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export type ReadModelDialect = 'sqlite' | 'postgres';

/**
 * A read model derived from the global event order. `apply` runs inside the runner's transaction,
 * together with the checkpoint update, so it must use `trx` for every write and do no other I/O.
 */
export interface Projection {
  readonly name: string;
  /** bump it when `apply` or the tables change: the runner rebuilds from position zero at start */
  readonly version: number;
  /** the event types it reads; others only move the checkpoint. Omit (and omit `handles`) for all */
  readonly eventTypes?: readonly string[];
  handles?(eventType: string): boolean;
  /** creates its tables if missing (runs in a transaction, serialised across processes) */
  migrate(db: Kysely<any>, dialect: ReadModelDialect): Promise<void>;
  /** empties its tables before a rebuild (same transaction as the checkpoint reset) */
  reset(trx: Kysely<any>, dialect: ReadModelDialect): Promise<void>;
  apply(event: StoredEvent, trx: Kysely<any>, dialect: ReadModelDialect): Promise<void>;
  /**
   * Tables with the primary-key column to order by (and the derived columns, when some columns
   * are operational rather than derived from events), for verification: rebuilt equals incremental.
   */
  readonly tables?: readonly { name: string; orderBy: string; columns?: readonly string[] }[];
}

export function projectionHandles(projection: Projection, eventType: string): boolean {
  if (projection.handles) return projection.handles(eventType);
  return projection.eventTypes ? projection.eventTypes.includes(eventType) : true;
}
