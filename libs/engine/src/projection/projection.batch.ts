import type { StoredEvent } from '@crm/event-store';
import { lockCheckpoint, writeCheckpoint } from './checkpoints';
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

/** Empties the read model and puts its checkpoint back to zero, atomically (rebuild, version bump). */
export async function resetProjection(readModels: ReadModelDb, projection: Projection): Promise<void> {
  await readModels.transaction(async (trx) => {
    await lockCheckpoint(trx, readModels.dialect, projection.name);
    await projection.reset(trx, readModels.dialect);
    await writeCheckpoint(trx, projection.name, { position: 0, version: projection.version });
  });
}
