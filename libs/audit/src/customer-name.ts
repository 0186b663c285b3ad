import type { StoredEvent } from '@crm/event-store';

/** The company's name as its archive last recorded it (opening, then approved identity changes); null before an archive. */
export function customerNameOf(customerId: string, events: readonly StoredEvent[]): string | null {
  let name: string | null = null;
  for (const event of events) {
    if (event.streamId !== `customer-${customerId}`) continue;
    const data = event.data as { name?: unknown; changes?: { name?: { after?: unknown } } };
    if (event.type === 'CustomerArchiveOpened' && typeof data.name === 'string') name = data.name;
    if (event.type === 'CustomerIdentityChanged' && typeof data.changes?.name?.after === 'string') name = data.changes.name.after;
  }
  return name;
}
