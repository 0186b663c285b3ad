import type { EventStore, StoredEvent } from '@crm/event-store';

/**
 * Reads each of the customer's streams whole (the store's per-stream index) and merges them into
 * the global order: nothing else in the store is touched.
 */
export async function loadCustomerEvents(store: EventStore, streamIds: readonly string[]): Promise<StoredEvent[]> {
  const streams = await Promise.all(streamIds.map((id) => store.readStream(id)));
  if (streams.length === 1) return streams[0];
  return streams.flat().sort((a, b) => a.position - b.position);
}
