import { InMemoryEventStore, type NewEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { type Actor, SCHEDULER_ACTOR, TransitionNotAllowed, WorkflowNotFound } from '@crm/workflow-kit';
import { EventSchemaViolation, timerIdOf, WorkflowEngine } from '../src';
import { alice, bob, carol, cmd, T0 } from './fixtures/ticket.commands';
import { ticketWorkflow } from './fixtures/ticket.workflow';

const open = (key?: string) => cmd('OpenTicket', { title: 'valve', escalateInMs: 60_000 }, alice, T0, key);

function setup() {
  const store = new InMemoryEventStore();
  return { store, engine: new WorkflowEngine(store) };
}

describe('WorkflowEngine.execute', () => {
  it('given no stream, when a creation command arrives, then it appends the events with full metadata and schedules the declared timer', async () => {
    const { engine } = setup();
    const result = await engine.execute(ticketWorkflow, 't1', open(), undefined);
    expect(result).toMatchObject({ streamId: 'ticket-t1', revision: 1, position: 2, replayed: false, state: { state: 'open', revision: 1 } });
    expect(result.events.map((e) => e.type)).toEqual(['TicketOpened', 'TimerScheduled']);
    expect(result.events[0].metadata).toMatchObject({
      actor: 'alice', actorName: 'Alice', occurredAt: T0, schemaVersion: 2, machineVersion: '2', commandType: 'OpenTicket', workflow: 'ticket',
    });
    expect(result.events[1].data).toEqual({
      timerId: timerIdOf('ticket-t1', 'escalate', '2026-03-02T02:01:00.000Z'), key: 'escalate', dueAt: '2026-03-02T02:01:00.000Z',
      workflow: 'ticket', instanceId: 't1', command: { type: 'EscalateTicket', data: {} },
    });
  });

  it('given a command already executed with the same idempotency key, when it is repeated, then the first result comes back and nothing is written', async () => {
    const { engine, store } = setup();
    const first = await engine.execute(ticketWorkflow, 't1', open('k-1'), undefined);
    await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'hi' }, bob), undefined);
    const again = await engine.execute(ticketWorkflow, 't1', open('k-1'), undefined);
    expect(again.replayed).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.state.state).toBe('open');
    expect(await store.headPosition()).toBe(3);
  });

  it('derives event ids from stream, key and index, so separate processes produce the same ids', async () => {
    const a = await setup().engine.execute(ticketWorkflow, 't1', open('same-key'), undefined);
    const b = await setup().engine.execute(ticketWorkflow, 't1', open('same-key'), undefined);
    expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
    const other = await setup().engine.execute(ticketWorkflow, 't2', open('same-key'), undefined);
    expect(other.events[0].id).not.toBe(a.events[0].id);
  });

  it('refuses a non-creation command on a missing instance and a creation command on an existing one', async () => {
    const { engine } = setup();
    await expect(engine.execute(ticketWorkflow, 'nope', cmd('ApproveTicket', {}, bob), undefined)).rejects.toThrow(WorkflowNotFound);
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await expect(engine.execute(ticketWorkflow, 't1', open(), undefined)).rejects.toThrow(TransitionNotAllowed);
  });

  it('lets an open-or-continue command reach the decider whether or not the stream exists: the machine alone judges it', async () => {
    const { engine } = setup();
    const ledger = { ...ticketWorkflow, openOrContinueCommands: ['OpenTicket', 'ApproveTicket'] };
    await expect(engine.execute(ledger, 'nope', cmd('ApproveTicket', {}, bob), undefined)).rejects.toMatchObject({ name: 'TransitionNotAllowed', state: 'none', eventType: 'TicketApproved' });
    await engine.execute(ledger, 't1', open(), undefined);
    await expect(engine.execute(ledger, 't1', open(), undefined)).rejects.toMatchObject({ name: 'TransitionNotAllowed', state: 'open', eventType: 'TicketOpened' });
    await expect(engine.execute(ticketWorkflow, 't1', open(), undefined)).rejects.toMatchObject({ eventType: 'OpenTicket' });
  });

  it('given an open ticket, when its opener approves, then the machine guard refuses and nothing is written', async () => {
    const { engine, store } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await expect(engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, alice), undefined)).rejects.toThrow(TransitionNotAllowed);
    expect(await store.headPosition()).toBe(2);
  });

  it('given an open ticket, when it is approved, then the escalation timer is cancelled in the same append', async () => {
    const { engine } = setup();
    const opened = await engine.execute(ticketWorkflow, 't1', open(), undefined);
    const approved = await engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined);
    expect(approved.events.map((e) => e.type)).toEqual(['TicketApproved', 'TimerCancelled']);
    expect(approved.events[1].data.timerId).toBe(opened.events[1].data.timerId);
    expect(approved.state).toMatchObject({ state: 'approved', done: true });
  });

  it('refuses to store an event its own schema rejects', async () => {
    const broken = { ...ticketWorkflow, decide: () => [{ type: 'TicketOpened', data: { title: 1 } }] } as never;
    await expect(setup().engine.execute(broken, 't1', open(), undefined)).rejects.toThrow(EventSchemaViolation);
  });
});

describe('WorkflowEngine conflicts', () => {
  /** a store on which another writer slips one comment in just before our first append */
  function racingStore(sneak: Actor = carol) {
    const store = new InMemoryEventStore();
    let raced = false;
    const original = store.appendToStream.bind(store);
    store.appendToStream = async (streamId: string, events: readonly NewEvent[], options) => {
      if (!raced && (await store.streamRevision(streamId)) !== null) {
        raced = true;
        await new WorkflowEngine(Object.create(store, { appendToStream: { value: original } })).execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'sneaky' }, sneak), undefined);
      }
      return original(streamId, events, options);
    };
    return store;
  }

  it('retries a command declared retry-safe once against the fresh state', async () => {
    const store = racingStore();
    const engine = new WorkflowEngine(store);
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    const result = await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'mine' }, bob), undefined);
    expect(result.state.context.comments).toBe(2);
  });

  it('reports a conflict on a command that is not retry-safe (the API answers 409)', async () => {
    const store = racingStore();
    const engine = new WorkflowEngine(store);
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await expect(engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined)).rejects.toThrow(WrongExpectedRevisionError);
  });

  it('decides a person\'s command again when only the machine (a timer, a reactor) wrote meanwhile: nobody else decided', async () => {
    const store = racingStore(SCHEDULER_ACTOR);
    const engine = new WorkflowEngine(store);
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    const approved = await engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined);
    expect(approved.state.state).toBe('approved');
    const types = (await store.readStream('ticket-t1')).map((e) => `${e.type}:${e.metadata.actor}`);
    expect(types).toEqual(['TicketOpened:alice', 'TimerScheduled:alice', 'TicketCommented:system:scheduler', 'TicketApproved:bob', 'TimerCancelled:bob']);
  });

  it('given two approvers racing, then exactly one approval is stored', async () => {
    const { engine, store } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    const outcomes = await Promise.allSettled([
      engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined),
      engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, carol), undefined),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const events = await store.readStream('ticket-t1');
    expect(events.filter((e) => e.type === 'TicketApproved')).toHaveLength(1);
  });
});

describe('WorkflowEngine replay', () => {
  it('upcasts events stored under an older schema version and replays old streams with the newer machine', async () => {
    const { engine, store } = setup();
    await store.appendToStream('ticket-old', [{
      id: '00000000-0000-4000-8000-000000000001', type: 'TicketOpened', data: { title: 'legacy', by: 'alice', at: T0 },
      metadata: { actor: 'alice', correlationId: 'c', causationId: null, occurredAt: T0, schemaVersion: 1, machineVersion: '1' },
    }]);
    const loaded = await engine.load(ticketWorkflow, 'old');
    expect(loaded.state).toMatchObject({ state: 'open', context: { title: 'legacy', escalateInMs: null } });
    const approved = await engine.execute(ticketWorkflow, 'old', cmd('ApproveTicket', {}, bob), undefined);
    expect(approved.events.map((e) => [e.type, e.metadata.machineVersion])).toEqual([['TicketApproved', '2']]);
  });

  it('replays the state as it stood at a position or an instant', async () => {
    const { engine } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob, '2026-03-02T03:00:00.000Z'), undefined);
    await engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob, '2026-03-02T04:00:00.000Z'), undefined);
    expect((await engine.stateAt(ticketWorkflow, 't1', { atPosition: 2 })).state).toMatchObject({ state: 'open', context: { comments: 0 } });
    expect((await engine.stateAt(ticketWorkflow, 't1', { atInstant: '2026-03-02T03:30:00.000Z' })).state).toMatchObject({ state: 'open', context: { comments: 1 } });
    expect((await engine.stateAt(ticketWorkflow, 't1', { atInstant: new Date('2026-03-03T00:00:00Z') })).state.state).toBe('approved');
  });
});
