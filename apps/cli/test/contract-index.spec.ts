import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, ReadAllOptions } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { incrementalContractIndex } from '../src/commands/contract-index';

const meta = { actor: 'sales', correlationId: 'c', causationId: null, occurredAt: '2026-10-09T02:00:00.000Z', schemaVersion: 1 };
const drafted = (contractId: string, customerId: string) => ({ id: randomUUID(), type: 'ContractDrafted', data: { contractId, customerId }, metadata: meta });
const other = () => ({ id: randomUUID(), type: 'SomethingElse', data: {}, metadata: meta });

/** The import's contract lookup (R-ARC-5 facts in the CLI): whole store once, then only what is new (issue 20: imports at scale). */
describe('the CLI import’s contract index over a real SQLite file', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-contract-index-'));
    store = SqliteEventStore.open(join(dir, 'crm.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('R-ARC-5: finds each customer’s drafted contracts, also those drafted after its first read, and reads each event once', async () => {
    await store.appendToStream('contract-k1', [drafted('k1', 'c-1')]);
    for (let i = 0; i < 12; i++) await store.appendToStream(`noise-${i}`, [other()]);
    await store.appendToStream('contract-k2', [drafted('k2', 'c-2')]);
    const reads: ReadAllOptions[] = [];
    let delivered = 0;
    const counting: Pick<EventStore, 'readAll'> = { readAll: async (o) => { reads.push({ ...o }); const page = await store.readAll(o); delivered += page.length; return page; } };
    const index = incrementalContractIndex(counting);

    expect(await index(['c-1'])).toEqual(['k1']);
    expect(await index(['c-1', 'c-2', 'c-9'])).toEqual(['k1', 'k2']);
    await store.appendToStream('contract-k3', [drafted('k3', 'c-1')]);
    expect(await index(['c-1'])).toEqual(['k1', 'k3']);

    const head = await store.headPosition();
    expect(delivered).toBe(head); // every event read once over three lookups, not three times
    expect(reads.at(-1)?.fromPosition).toBe(head - 1);
  });
});
