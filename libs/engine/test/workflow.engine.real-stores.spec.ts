import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { WorkflowEngine } from '../src';
import { alice, bob, carol, cmd } from './fixtures/ticket.commands';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { createThrowawayDatabase, describeWithPostgres, tempDir, type ThrowawayDatabase } from '@crm/testing';

/** Two engines on two connections to one store: the race the API sees with two replicas. */
function racingApprovers(open: () => Promise<[EventStore, EventStore]>) {
  it('given two approvers racing on separate connections, then exactly one approval is stored', async () => {
    const [a, b] = await open();
    try {
      for (let round = 0; round < 10; round++) {
        const id = `race-${round}`;
        await new WorkflowEngine(a).execute(ticketWorkflow, id, cmd('OpenTicket', { title: 'x' }, alice), undefined);
        const outcomes = await Promise.allSettled([
          new WorkflowEngine(a).execute(ticketWorkflow, id, cmd('ApproveTicket', {}, bob), undefined),
          new WorkflowEngine(b).execute(ticketWorkflow, id, cmd('ApproveTicket', {}, carol), undefined),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const stored = await a.readStream(`ticket-${id}`);
        expect(stored.filter((e) => e.type === 'TicketApproved')).toHaveLength(1);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
}

/** Issue 20: the stream is read once per command; the append's result is what the engine caches and answers. */
function oneReadPerCommand(open: () => Promise<EventStore>) {
  it('a command reads its stream once and never reads its own append back', async () => {
    const store = await open();
    try {
      const engine = new WorkflowEngine(store);
      await engine.execute(ticketWorkflow, 'once', cmd('OpenTicket', { title: 'x' }, alice), undefined);
      const reads = jest.spyOn(store, 'readStream');
      const result = await engine.execute(ticketWorkflow, 'once', cmd('CommentTicket', { text: 'y' }, carol), undefined);
      expect(reads).toHaveBeenCalledTimes(1);
      reads.mockRestore();
      expect(result.events).toEqual(await store.readStream('ticket-once', { from: result.events[0].revision }));
      const next = await engine.execute(ticketWorkflow, 'once', cmd('ApproveTicket', {}, bob), undefined);
      expect(next.state.state).toBe('approved');
      expect(engine.cacheStats()).toMatchObject({ entries: 1 });
    } finally {
      await store.close();
    }
  });
}

describe('WorkflowEngine on SQLite (one file, two handles)', () => {
  const tmp = tempDir('crm-engine-');
  afterAll(() => tmp.remove());
  racingApprovers(async () => [SqliteEventStore.open(tmp.file('es.db')), SqliteEventStore.open(tmp.file('es.db'))]);
  oneReadPerCommand(async () => SqliteEventStore.open(tmp.file('once.db')));
});

describeWithPostgres('WorkflowEngine on PostgreSQL (two pools)', () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase();
  });
  afterAll(() => db?.drop());
  racingApprovers(async () => [await PostgresEventStore.connect(db.url), await PostgresEventStore.connect(db.url)]);
  oneReadPerCommand(() => PostgresEventStore.connect(db.url));
});
