import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadModelDb, type ReadModelDb } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { DomainRuleViolation } from '@crm/workflow-kit';
import type { Reactor } from '../src/process/reactor';
import { REACTOR_FAILURES } from '../src/process/reactor-checkpoints';
import { ReactorRunner } from '../src/process/reactor.runner';

const fast = { idlePollMs: 20, retryMs: 30, leaseMs: 2000 };

async function append(store: SqliteEventStore, type: string, n: number): Promise<number> {
  let position = 0;
  for (let i = 0; i < n; i++) {
    ({ position } = await store.appendToStream(`thing-${randomUUID()}`, [
      { id: randomUUID(), type, data: { i }, metadata: { actor: 't', correlationId: 'c', causationId: null, occurredAt: '2026-03-02T02:00:00.000Z', schemaVersion: 1 } },
    ]));
  }
  return position;
}

/** Records every delivery by runner; `failOnce` throws a transient error on each event's first delivery. */
function recorder(label: string, deliveries: Array<[string, string]>, behaviour: { failOnce?: boolean; refuse?: (e: StoredEvent) => boolean } = {}): Reactor {
  const failed = new Set<string>();
  return {
    name: 'recorder',
    eventTypes: ['Happened'],
    async react(event) {
      if (behaviour.refuse?.(event)) throw new DomainRuleViolation('R-TEST', 'refused', 'data');
      if (behaviour.failOnce && !failed.has(event.id)) {
        failed.add(event.id);
        throw new Error('store briefly unavailable');
      }
      deliveries.push([label, event.id]);
    },
  };
}

describe('ReactorRunner on a real SQLite file', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDb[];
  const open = async () => {
    const db = await createReadModelDb(store);
    readModels.push(db);
    return db;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-reactor-'));
    store = SqliteEventStore.open(join(dir, 'crm.db'));
    readModels = [];
  });
  afterEach(async () => {
    for (const db of readModels) await db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reacts to each event of its types in order, retries transient failures, and resumes from its checkpoint after a restart', async () => {
    const deliveries: Array<[string, string]> = [];
    const first = new ReactorRunner(store, await open(), fast);
    first.register(recorder('first', deliveries, { failOnce: true }));
    await append(store, 'Ignored', 2);
    const head = await append(store, 'Happened', 3);
    await first.start();
    await first.waitForPosition('recorder', head);
    await first.stop();
    const happened = (await store.readAll()).filter((e) => e.type === 'Happened').map((e) => e.id);
    expect(deliveries.map(([, id]) => id)).toEqual(happened);

    const more = await append(store, 'Happened', 2);
    const second = new ReactorRunner(store, await open(), fast);
    second.register(recorder('second', deliveries));
    await second.start();
    await second.waitForPosition('recorder', more);
    await second.stop();
    expect(deliveries.filter(([who]) => who === 'second')).toHaveLength(2);
    expect(new Set(deliveries.map(([, id]) => id)).size).toBe(5);
  });

  it('a local commit wakes the leading reactor without reading the store: its own step reads the new event once', async () => {
    const deliveries: Array<[string, string]> = [];
    // no idle polls, no lease renewals: only the commit signal can wake the leader
    const runner = new ReactorRunner(store, await open(), { ...fast, idlePollMs: 60_000, leaseMs: 120_000 });
    runner.register(recorder('only', deliveries));
    const subscribe = jest.spyOn(store, 'subscribeToAll');
    await runner.start();
    try {
      expect(subscribe).not.toHaveBeenCalled();
      const first = await append(store, 'Happened', 1);
      while ((await runner.checkpoint('recorder')) < first) await new Promise((r) => setTimeout(r, 5));
      const reads = jest.spyOn(store, 'readAll');
      const next = await append(store, 'Happened', 1);
      while ((await runner.checkpoint('recorder')) < next) await new Promise((r) => setTimeout(r, 5));
      expect(reads.mock.calls.map(([options]) => options?.fromPosition)).toEqual([first]);
      expect(deliveries).toHaveLength(2);
    } finally {
      jest.restoreAllMocks();
      await runner.stop();
    }
  });

  it('moves its checkpoint past the events it does not read at the end of the page, so a restart redelivers nothing', async () => {
    const deliveries: Array<[string, string]> = [];
    const first = new ReactorRunner(store, await open(), fast);
    first.register(recorder('first', deliveries));
    await append(store, 'Happened', 2);
    const head = await append(store, 'Ignored', 3);
    await first.start();
    await first.waitForPosition('recorder', head);
    await first.stop();
    expect(await first.checkpoint('recorder')).toBe(head);
    const second = new ReactorRunner(store, await open(), fast);
    second.register(recorder('second', deliveries));
    await second.start();
    const more = await append(store, 'Happened', 1);
    await second.waitForPosition('recorder', more);
    await second.stop();
    expect(deliveries.map(([who]) => who)).toEqual(['first', 'first', 'second']);
  });

  it('records a domain refusal and moves on instead of blocking every later event', async () => {
    const deliveries: Array<[string, string]> = [];
    const runner = new ReactorRunner(store, await open(), fast);
    runner.register(recorder('r', deliveries, { refuse: (e) => e.data.i === 0 }));
    const head = await append(store, 'Happened', 3);
    await runner.start();
    await runner.waitForPosition('recorder', head);
    await runner.stop();
    expect(deliveries).toHaveLength(2);
    const failures = await readModels[0].db.selectFrom(REACTOR_FAILURES).selectAll().execute();
    expect(failures.map((f) => [f.reactor, f.event_type, String(f.error)])).toEqual([['recorder', 'Happened', 'DomainRuleViolation: R-TEST: refused']]);
  });

  it('lets one of two runners on the same database react (leader lock), the other standing by', async () => {
    const deliveries: Array<[string, string]> = [];
    const a = new ReactorRunner(store, await open(), fast);
    const b = new ReactorRunner(store, await open(), fast);
    a.register(recorder('a', deliveries));
    b.register(recorder('b', deliveries));
    await Promise.all([a.start(), b.start()]);
    const head = await append(store, 'Happened', 6);
    await a.waitForPosition('recorder', head);
    await Promise.all([a.stop(), b.stop()]);
    expect(deliveries).toHaveLength(6);
    expect(new Set(deliveries.map(([who]) => who)).size).toBe(1);
  });
});
