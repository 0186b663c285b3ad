import { applyBatch, ProjectionLagError, ProjectionRunner, readModelSnapshot, WorkflowEngine } from '../src';
import { alice, bob, carol, cmd } from './fixtures/ticket.commands';
import { ticketSummaryProjection } from './fixtures/ticket-summary.projection';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { type EngineUnderTest, postgresEngine, sqliteEngine } from './support/engines';
import { describeWithPostgres } from '@crm/testing';

const fast = { idlePollMs: 20, standbyPollMs: 50, leaseMs: 600 };

async function someHistory(engine: WorkflowEngine, tickets = 12, prefix = 't'): Promise<void> {
  for (let i = 0; i < tickets; i++) {
    await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('OpenTicket', { title: `valve ${i}` }, alice), undefined);
    for (let c = 0; c < i % 3; c++) await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('CommentTicket', { text: `c${c}` }, carol), undefined);
    if (i % 4 === 1) await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('ApproveTicket', {}, bob), undefined);
    if (i % 4 === 2) await engine.execute(ticketWorkflow, `${prefix}${i}`, cmd('WithdrawTicket', {}, alice), undefined);
  }
}

/** `echoes`: the engine also signals a local commit a second time, through the server (PostgreSQL NOTIFY), which may race the local signal */
function projectionSuite(open: () => Promise<EngineUnderTest>, signals: { echoes: boolean }) {
  let e: EngineUnderTest;
  beforeEach(async () => {
    e = await open();
  });
  afterEach(() => e.dispose());

  it('keeps the read model up to date and answers read-your-writes waits', async () => {
    const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()], fast);
    await runner.start();
    try {
      await someHistory(new WorkflowEngine(e.store), 4);
      const last = await new WorkflowEngine(e.store).execute(ticketWorkflow, 't0', cmd('CommentTicket', { text: 'x' }, bob), undefined);
      await runner.waitForPosition('ticket_summaries', last.position, 5000);
      const rows = await runner.readModels.db.selectFrom('ticket_summaries').selectAll().orderBy('ticket_id').execute();
      expect(rows.map((r) => [r.ticket_id, r.state, Number(r.comments), r.approved_by])).toEqual([
        ['t0', 'open', 1, null], ['t1', 'approved', 1, 'bob'], ['t2', 'withdrawn', 2, null], ['t3', 'open', 0, null],
      ]);
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds from position zero to the very same read model, reporting progress', async () => {
    const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()], { ...fast, batchSize: 7 });
    await someHistory(new WorkflowEngine(e.store));
    await runner.migrate();
    await runner.catchUp('ticket_summaries');
    const incremental = await readModelSnapshot(runner.readModels, ticketSummaryProjection());
    expect(incremental.ticket_summaries).toHaveLength(12);
    const progress: number[] = [];
    const result = await runner.rebuild('ticket_summaries', (p) => progress.push(p.position));
    expect(await readModelSnapshot(runner.readModels, ticketSummaryProjection())).toEqual(incremental);
    expect(progress.at(-1)).toBe(await e.store.headPosition());
    expect(progress.length).toBeGreaterThan(3);
    expect(result.events).toBe(await e.store.headPosition());
  });

  it('applying the same page twice changes nothing (checkpoint fence; the apply itself is not idempotent)', async () => {
    const readModels = await e.readModels();
    const projection = ticketSummaryProjection();
    const runner = new ProjectionRunner(e.store, readModels, [projection], fast);
    await runner.migrate();
    await someHistory(new WorkflowEngine(e.store), 3);
    const page = await e.store.readAll({ fromPosition: 0 });
    expect(await applyBatch(readModels, projection, page, 0)).toBe(page.length);
    const once = await readModelSnapshot(readModels, projection);
    expect(await applyBatch(readModels, projection, page, 0)).toBe(0);
    expect(await applyBatch(readModels, projection, page.slice(2), page[1].position)).toBe(0);
    expect(await readModelSnapshot(readModels, projection)).toEqual(once);
  });

  it('drops a page fetched before a reset instead of applying it over a gap', async () => {
    const readModels = await e.readModels();
    const projection = ticketSummaryProjection();
    const runner = new ProjectionRunner(e.store, readModels, [projection], fast);
    await runner.migrate();
    await someHistory(new WorkflowEngine(e.store), 3);
    await runner.catchUp('ticket_summaries');
    const stalePage = await e.store.readAll({ fromPosition: 4 });
    await runner.rebuild('ticket_summaries');
    await runner.readModels.db.deleteFrom('ticket_summaries').execute();
    await runner.readModels.db.updateTable('projection_checkpoints').set({ position: 0 }).where('name', '=', 'ticket_summaries').execute();
    expect(await applyBatch(readModels, projection, stalePage, 4)).toBe(0);
  });

  it('rebuilds at start when the projection version was bumped', async () => {
    const v1 = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection(1)], fast);
    await someHistory(new WorkflowEngine(e.store), 3);
    await v1.start();
    await v1.waitForPosition('ticket_summaries', await e.store.headPosition());
    await v1.stop();
    const v2 = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection(2)], fast);
    await v2.start();
    try {
      await waitUntil(async () => (await v2.checkpoint('ticket_summaries'))?.version === 2);
      await v2.waitForPosition('ticket_summaries', await e.store.headPosition());
      const titles = await v2.readModels.db.selectFrom('ticket_summaries').select('title').orderBy('ticket_id').execute();
      expect(titles.map((t) => t.title)).toEqual(['VALVE 0', 'VALVE 1', 'VALVE 2']);
    } finally {
      await v2.stop();
    }
  });

  it('a local commit wakes the leader without reading the store: the leader reads the new events from its checkpoint, in its own page', async () => {
    // no idle polls and no lease renewals during the test: only the commit signal can wake the leader
    const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()], { ...fast, idlePollMs: 60_000, leaseMs: 120_000 });
    const subscribe = jest.spyOn(e.store, 'subscribeToAll');
    await runner.start();
    expect(subscribe).not.toHaveBeenCalled();
    subscribe.mockRestore();
    try {
      const engine = new WorkflowEngine(e.store);
      const first = await engine.execute(ticketWorkflow, 'w1', cmd('OpenTicket', { title: 'pump' }, alice), undefined);
      await runner.waitForPosition('ticket_summaries', first.position, 5000);
      const reads = jest.spyOn(e.store, 'readAll');
      const next = await engine.execute(ticketWorkflow, 'w1', cmd('CommentTicket', { text: 'seal' }, bob), undefined);
      while (((await runner.checkpoint('ticket_summaries'))?.position ?? 0) < next.position) await new Promise((r) => setTimeout(r, 5));
      const from = reads.mock.calls.map(([options]) => options?.fromPosition);
      // every read starts at the checkpoint it had then; a grouped commit's answer and the runner's own wake
      // may race into a second, empty read (PostgreSQL's NOTIFY echo likewise), never a read of the whole store
      expect(from.filter((p) => p !== first.position && p !== next.position)).toEqual([]);
      expect(from[0]).toBe(first.position);
      expect(from.length).toBeLessThanOrEqual(signals.echoes ? 3 : 2);
      reads.mockRestore();
    } finally {
      await runner.stop();
    }
  });

  it('gives up a read-your-writes wait after the bound with a ProjectionLagError', async () => {
    const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()], fast);
    await runner.migrate();
    await someHistory(new WorkflowEngine(e.store), 1);
    await expect(runner.waitForPosition('ticket_summaries', 2, 100)).rejects.toThrow(ProjectionLagError);
  });

  it('lets one runner lead a projection while another stands by, and the standby takes over', async () => {
    const a = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()], fast);
    const b = new ProjectionRunner(await e.otherStore(), await e.readModels(), [ticketSummaryProjection()], fast);
    await a.start();
    await waitUntil(async () => a.status()[0].leading);
    await b.start();
    try {
      await someHistory(new WorkflowEngine(e.store), 2);
      await b.waitForPosition('ticket_summaries', await e.store.headPosition());
      expect([a.status()[0].leading, b.status()[0].leading]).toEqual([true, false]);
      await a.stop();
      await someHistory(new WorkflowEngine(e.store), 5, 'late');
      await waitUntil(async () => b.status()[0].leading);
      await b.waitForPosition('ticket_summaries', await e.store.headPosition());
      const rows = await b.readModels.db.selectFrom('ticket_summaries').selectAll().execute();
      expect(rows).toHaveLength(7);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('ProjectionRunner on SQLite (read model in the event store file)', () => projectionSuite(sqliteEngine, { echoes: false }));
describeWithPostgres('ProjectionRunner on PostgreSQL', () => projectionSuite(postgresEngine, { echoes: true }));
