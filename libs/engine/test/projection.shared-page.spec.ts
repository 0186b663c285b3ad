import type { StoredEvent } from '@crm/event-store';
import { describeWithPostgres } from '@crm/testing';
import type { Kysely } from 'kysely';
import { applyPage, type Projection, ProjectionRunner, readModelSnapshot, WorkflowEngine } from '../src';
import { alice, bob, carol, cmd } from './fixtures/ticket.commands';
import { ticketSummaryProjection } from './fixtures/ticket-summary.projection';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { type EngineUnderTest, postgresEngine, sqliteEngine } from './support/engines';

const fast = { idlePollMs: 20, standbyPollMs: 50, leaseMs: 600 };

/**
 * Counts every event it is given, per type, with `n = n + 1`: not idempotent, so an event
 * applied twice (or skipped) shows. `failWhile()` true makes it throw on TicketCommented.
 */
function eventCounts(name: string, failWhile: () => boolean = () => false): Projection {
  return {
    name,
    version: 1,
    tables: [{ name, orderBy: 'event_type' }],
    async migrate(db: Kysely<any>) {
      await db.schema.createTable(name).ifNotExists().addColumn('event_type', 'text', (c) => c.primaryKey()).addColumn('n', 'integer', (c) => c.notNull()).execute();
    },
    async reset(trx: Kysely<any>) {
      await trx.deleteFrom(name).execute();
    },
    async apply(event: StoredEvent, trx: Kysely<any>) {
      if (failWhile() && event.type === 'TicketCommented') throw new Error(`${name} cannot take ${event.type} now`);
      await trx
        .insertInto(name)
        .values({ event_type: event.type, n: 1 })
        .onConflict((oc) => oc.column('event_type').doUpdateSet((eb) => ({ n: eb(`${name}.n`, '+', 1) })))
        .execute();
    },
  };
}

async function history(engine: WorkflowEngine, tickets: number, prefix: string): Promise<void> {
  for (let i = 0; i < tickets; i++) {
    await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('OpenTicket', { title: `pump ${i}` }, alice), undefined);
    await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('CommentTicket', { text: 'seal' }, carol), undefined);
    if (i % 2) await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('ApproveTicket', {}, bob), undefined);
  }
}

/** what `eventCounts` must hold: each stored event exactly once */
async function expectedCounts(e: EngineUnderTest): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const event of await e.store.readAll({ fromPosition: 0 })) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
}

async function counts(runner: ProjectionRunner, table: string): Promise<Record<string, number>> {
  const rows = await runner.readModels.db.selectFrom(table).selectAll().execute();
  return Object.fromEntries(rows.map((r) => [String(r.event_type), Number(r.n)]));
}

function sharedPageSuite(open: () => Promise<EngineUnderTest>) {
  let e: EngineUnderTest;
  beforeEach(async () => {
    e = await open();
  });
  afterEach(() => e.dispose());

  it('applies one page to projections standing at different checkpoints, each behind its own fence, once however often it is offered', async () => {
    const readModels = await e.readModels();
    const ahead = eventCounts('counts_ahead');
    const behind = eventCounts('counts_behind');
    const runner = new ProjectionRunner(e.store, readModels, [ahead, behind], fast);
    await runner.migrate();
    await history(new WorkflowEngine(e.store), 3, 'a');
    await runner.catchUp('counts_ahead');
    await history(new WorkflowEngine(e.store), 2, 'b');
    const page = await e.store.readAll({ fromPosition: 0 });
    const aheadAt = (await runner.checkpoint('counts_ahead'))?.position ?? 0;
    const applied = await applyPage(readModels, [ahead, behind], page, 0);
    expect(Object.fromEntries(applied)).toEqual({ counts_ahead: page.length - aheadAt, counts_behind: page.length });
    expect((await applyPage(readModels, [ahead, behind], page, 0)).size).toBe(0);
    expect((await applyPage(readModels, [behind, ahead], page.slice(3), page[2].position)).size).toBe(0);
    const expected = await expectedCounts(e);
    expect(await counts(runner, 'counts_ahead')).toEqual(expected);
    expect(await counts(runner, 'counts_behind')).toEqual(expected);
    expect((await runner.checkpoint('counts_behind'))?.position).toBe(page.at(-1)?.position);
  });

  it('keeps the others going while one projection fails, and that one catches up exactly once when it can', async () => {
    let broken = true;
    const errors: string[] = [];
    const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection(), eventCounts('counts_ok'), eventCounts('counts_broken', () => broken)], {
      ...fast,
      onError: (name) => errors.push(name),
    });
    await runner.start();
    try {
      // all three lead before the first event, so they stand at one checkpoint and share the failing page
      while (!runner.status().every((s) => s.leading)) await new Promise((r) => setTimeout(r, 10));
      await history(new WorkflowEngine(e.store), 4, 't');
      const head = await e.store.headPosition();
      await runner.waitForPosition('ticket_summaries', head, 5000);
      await runner.waitForPosition('counts_ok', head, 5000);
      expect(await counts(runner, 'counts_ok')).toEqual(await expectedCounts(e));
      expect(runner.status().find((s) => s.name === 'counts_broken')?.lastError).toMatch(/cannot take TicketCommented/);
      expect((await runner.checkpoint('counts_broken'))?.position ?? 0).toBeLessThan(head);
      expect(new Set(errors)).toEqual(new Set(['counts_broken']));
      broken = false;
      await runner.waitForPosition('counts_broken', head, 5000);
      expect(await counts(runner, 'counts_broken')).toEqual(await expectedCounts(e));
      expect(runner.status().every((s) => s.lastError === null)).toBe(true);
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds one projection alone to the same read model while the runner drives the others', async () => {
    const projections = [ticketSummaryProjection(), eventCounts('counts_a'), eventCounts('counts_b')];
    const runner = new ProjectionRunner(e.store, await e.readModels(), projections, fast);
    await runner.start();
    try {
      await history(new WorkflowEngine(e.store), 5, 'r');
      for (const p of projections) await runner.waitForPosition(p.name, await e.store.headPosition());
      const incremental = await readModelSnapshot(runner.readModels, projections[1]);
      await runner.rebuild('counts_a');
      expect(await readModelSnapshot(runner.readModels, projections[1])).toEqual(incremental);
      await history(new WorkflowEngine(e.store), 1, 's');
      for (const p of projections) await runner.waitForPosition(p.name, await e.store.headPosition());
      const expected = await expectedCounts(e);
      expect(await counts(runner, 'counts_a')).toEqual(expected);
      expect(await counts(runner, 'counts_b')).toEqual(expected);
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds several read models in one pass over the store: each page read once, every model as if built alone; a failing one stops alone', async () => {
    const projections = [ticketSummaryProjection(), eventCounts('counts_x'), eventCounts('counts_y'), eventCounts('counts_bad', () => true)];
    const runner = new ProjectionRunner(e.store, await e.readModels(), projections, { ...fast, batchSize: 4 });
    await runner.migrate();
    await history(new WorkflowEngine(e.store), 5, 'p');
    await runner.catchUp('ticket_summaries');
    const incremental = await readModelSnapshot(runner.readModels, projections[0]);
    const reads: number[] = [];
    const readAll = e.store.readAll.bind(e.store);
    const spy = jest.spyOn(e.store, 'readAll').mockImplementation(async (options) => {
      reads.push(options?.fromPosition ?? 0);
      return readAll(options);
    });
    try {
      const result = await runner.rebuildAll(projections.map((p) => p.name));
      const head = await e.store.headPosition();
      expect(result.events).toBe(head);
      // one read per page of 4 for all four models, never a second pass from zero
      expect(reads.filter((from) => from === 0)).toHaveLength(1);
      expect(reads.length).toBe(Math.ceil((await readAll({ fromPosition: 0 })).length / 4));
      expect([...result.failed.keys()]).toEqual(['counts_bad']);
    } finally {
      spy.mockRestore();
    }
    expect(await readModelSnapshot(runner.readModels, projections[0])).toEqual(incremental);
    const expected = await expectedCounts(e);
    expect(await counts(runner, 'counts_x')).toEqual(expected);
    expect(await counts(runner, 'counts_y')).toEqual(expected);
    expect((await runner.checkpoint('counts_bad'))?.position ?? 0).toBe(0);
  });
}

describe('projections sharing a page on SQLite', () => sharedPageSuite(sqliteEngine));
describeWithPostgres('projections sharing a page on PostgreSQL', () => sharedPageSuite(postgresEngine));
