import type { StoredEvent } from '@crm/event-store';
import { lockCheckpoint, lockCheckpoints, moveCheckpoints, writeCheckpoint } from './checkpoints';
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
  const applied = await applyPage(readModels, [projection], events, fetchedFrom);
  return applied.get(projection.name) ?? 0;
}

/**
 * The same page for several projections that stood at the same checkpoint, in ONE transaction:
 * one read of the store and one commit instead of one per projection. Each projection keeps
 * its own checkpoint row and its own fence, evaluated under the lock as in `applyBatch`; the
 * commit makes every read model and every checkpoint move together or not at all. Returns,
 * per projection, how many events it moved past.
 */
export async function applyPage(
  readModels: ReadModelDb,
  projections: readonly Projection[],
  events: readonly StoredEvent[],
  fetchedFrom: number,
): Promise<Map<string, number>> {
  if (events.length === 0 || projections.length === 0) return new Map();
  const last = events[events.length - 1].position;
  return readModels.transaction(async (trx) => {
    const current = await lockCheckpoints(trx, readModels.dialect, projections.map((p) => p.name));
    const applied = new Map<string, number>();
    for (const projection of projections) {
      const checkpoint = current.get(projection.name);
      if (!checkpoint || checkpoint.version !== projection.version || checkpoint.position < fetchedFrom) continue;
      const fresh = events.filter((e) => e.position > checkpoint.position);
      if (fresh.length === 0) continue;
      for (const event of fresh) {
        if (projectionHandles(projection, event.type)) await projection.apply(event, trx, readModels.dialect);
      }
      applied.set(projection.name, fresh.length);
    }
    // every projection that moved ends at the page's last event, whatever it applied
    await moveCheckpoints(trx, [...applied.keys()], last);
    return applied;
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
