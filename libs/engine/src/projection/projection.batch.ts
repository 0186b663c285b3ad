import type { StoredEvent } from '@crm/event-store';
import { CHECKPOINTS_TABLE, lockCheckpoint, writeCheckpoint } from './checkpoints';
import { type Projection, projectionHandles } from './projection';
import type { ReadModelDb } from './read-model.db';

/**
 * Applies one page of the global order and moves the checkpoint, in ONE transaction. The page
 * was read after `fetchedFrom`; under the checkpoint lock we apply only what lies beyond the
 * checkpoint as it is now, so a page fetched twice (retry, a second leader, a crash between
 * fetch and commit) is never applied twice, and a page fetched before a reset is dropped
 * rather than applied over a gap. Returns how many events were applied (0: nothing to do).
 */
export async function applyBatch(readModels: ReadModelDb, projection: Projection, events: readonly StoredEvent[], fetchedFrom: number): Promise<number> {
  if (events.length === 0) return 0;
  if (!events.some((e) => projectionHandles(projection, e.type))) return skipBatch(readModels, projection, events, fetchedFrom);
  return readModels.transaction(async (trx) => {
    const current = await lockCheckpoint(trx, readModels.dialect, projection.name);
    if (!current || current.version !== projection.version || current.position < fetchedFrom) return 0;
    const fresh = events.filter((e) => e.position > current.position);
    if (fresh.length === 0) return 0;
    for (const event of fresh) {
      if (projectionHandles(projection, event.type)) await projection.apply(event, trx, readModels.dialect);
    }
    await writeCheckpoint(trx, projection.name, { position: fresh[fresh.length - 1].position, version: projection.version });
    return fresh.length;
  });
}

/**
 * A page with nothing this projection reads only moves its checkpoint: one conditional UPDATE
 * carries the same fence (same version, checkpoint not behind the fetch, not already past the
 * page) instead of a transaction of four statements. Most projections skip most events, and on
 * SQLite every write waits at the file's gate, so this is on the path of the next command's append.
 * Returns the events beyond `fetchedFrom` when it moved the checkpoint, else 0.
 */
async function skipBatch(readModels: ReadModelDb, projection: Projection, events: readonly StoredEvent[], fetchedFrom: number): Promise<number> {
  const last = events[events.length - 1].position;
  const result = await readModels.statement((db) =>
    db
      .updateTable(CHECKPOINTS_TABLE)
      .set({ position: last, updated_at: new Date().toISOString() })
      .where('name', '=', projection.name)
      .where('version', '=', projection.version)
      .where('position', '>=', fetchedFrom)
      .where('position', '<', last)
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) > 0 ? events.filter((e) => e.position > fetchedFrom).length : 0;
}

/** Empties the read model and puts its checkpoint back to zero, atomically (rebuild, version bump). */
export async function resetProjection(readModels: ReadModelDb, projection: Projection): Promise<void> {
  await readModels.transaction(async (trx) => {
    await lockCheckpoint(trx, readModels.dialect, projection.name);
    await projection.reset(trx, readModels.dialect);
    await writeCheckpoint(trx, projection.name, { position: 0, version: projection.version });
  });
}
