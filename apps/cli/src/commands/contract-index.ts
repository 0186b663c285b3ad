import type { EventStore } from '@crm/event-store';

const PAGE = 5_000;

/**
 * A customer's contract ids for an import that has no read models: the store is read once, then
 * only what was appended since the last call. Each row of an import asks again (a contract may be
 * drafted meanwhile), so re-reading the whole store per row made a 100,000-row import quadratic.
 * A contract's standing still comes from its own stream (`loadPrepaymentFacts`), never from here.
 */
export function incrementalContractIndex(store: Pick<EventStore, 'readAll'>): (customerIds: readonly string[]) => Promise<string[]> {
  const byCustomer = new Map<string, string[]>();
  let position = 0;
  async function catchUp(): Promise<void> {
    for (;;) {
      const page = await store.readAll({ fromPosition: position, maxCount: PAGE });
      for (const event of page) {
        position = event.position;
        if (event.type !== 'ContractDrafted') continue;
        const customerId = String(event.data.customerId);
        byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), String(event.data.contractId)]);
      }
      if (page.length < PAGE) return;
    }
  }
  return async (customerIds) => {
    await catchUp();
    return customerIds.flatMap((id) => byCustomer.get(id) ?? []);
  };
}
