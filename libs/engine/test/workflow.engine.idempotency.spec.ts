import { InMemoryEventStore } from '@crm/event-store';
import { DomainRuleViolation, SCHEDULER_ACTOR, TransitionNotAllowed } from '@crm/workflow-kit';
import { fireTimer, timerIdOf, WorkflowEngine, WorkflowRegistry } from '../src';
import { alice, bob, carol, cmd, T0 } from './fixtures/ticket.commands';
import { ticketWorkflow } from './fixtures/ticket.workflow';

const MINUTE = 60_000;
const open = (key?: string) => cmd('OpenTicket', { title: 'valve', escalateInMs: MINUTE }, alice, T0, key);
const comment = (actor = bob, key?: string, text = 'hi') => cmd('CommentTicket', { text }, actor, T0, key);

function setup() {
  const store = new InMemoryEventStore();
  return { store, engine: new WorkflowEngine(store), registry: new WorkflowRegistry().register(ticketWorkflow) };
}

/**
 * Issue 14, holes 1 and 2: a key is scoped by actor and command type. Each test here failed before
 * the scoping: the shared key was answered with the first request's result, or pre-claimed the ids
 * the timer was going to write so that the store acknowledged its append as a duplicate.
 */
describe('idempotency keys live in the sender\'s own namespace', () => {
  it('a client sending a timer\'s id as its own key cannot stop the timer from firing (engine keys are never the client\'s)', async () => {
    const { engine, store, registry } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    const dueAt = new Date(Date.parse(T0) + MINUTE).toISOString();
    const timerId = timerIdOf('ticket-t1', 'escalate', dueAt);
    await engine.execute(ticketWorkflow, 't1', comment(bob, timerId), undefined);
    const timer = { timerId, workflow: 'ticket', instanceId: 't1', key: 'escalate', dueAt, command: { type: 'EscalateTicket', data: {} } };
    const firing = await fireTimer(engine, registry, timer, new Date(Date.parse(dueAt) + 1000), 60_000);
    expect(firing.outcome).toBe('executed');
    const stream = await store.readStream('ticket-t1');
    expect(stream.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['TicketOpened', 'alice'], ['TimerScheduled', 'alice'], ['TicketCommented', 'bob'], ['TicketEscalated', SCHEDULER_ACTOR.id], ['TimerFired', SCHEDULER_ACTOR.id],
    ]);
  });

  it('the same key from another actor is not answered with the first actor\'s result: 422 naming the key', async () => {
    const { engine, store } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await engine.execute(ticketWorkflow, 't1', comment(bob, 'shared-key-1'), undefined);
    const attempt = engine.execute(ticketWorkflow, 't1', comment(carol, 'shared-key-1'), undefined);
    await expect(attempt).rejects.toThrow(DomainRuleViolation);
    await expect(attempt).rejects.toMatchObject({ ruleId: 'IDEMPOTENCY-KEY', field: 'Idempotency-Key', message: expect.stringContaining('shared-key-1') });
    expect((await store.readStream('ticket-t1')).filter((e) => e.type === 'TicketCommented')).toHaveLength(1);
  });

  it('the same key from the same actor for another command is refused too, not replayed', async () => {
    const { engine } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await engine.execute(ticketWorkflow, 't1', comment(bob, 'bob-key-01'), undefined);
    const approve = engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob, T0, 'bob-key-01'), undefined);
    await expect(approve).rejects.toMatchObject({ ruleId: 'IDEMPOTENCY-KEY' });
  });

  it('authorises before it answers a reused key: a caller the machine refuses hears the refusal, not the key', async () => {
    const { engine } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    await engine.execute(ticketWorkflow, 't1', comment(bob, 'bob-key-02'), undefined);
    // alice opened the ticket: the machine's notOpener guard refuses her approval whatever key she sends
    await expect(engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, alice, T0, 'bob-key-02'), undefined)).rejects.toThrow(TransitionNotAllowed);
  });

  it('the same actor retrying the same command still gets the first result and nothing is written', async () => {
    const { engine, store } = setup();
    await engine.execute(ticketWorkflow, 't1', open(), undefined);
    const first = await engine.execute(ticketWorkflow, 't1', comment(bob, 'bob-key-03'), undefined);
    const again = await engine.execute(ticketWorkflow, 't1', comment(bob, 'bob-key-03', 'edited text'), undefined);
    expect(again).toMatchObject({ replayed: true, position: first.position });
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(await store.headPosition()).toBe(first.position);
  });

  it('event ids derive from the key scoped by actor and command, so two actors\' keys never collide in the store', async () => {
    const a = await setup().engine.execute(ticketWorkflow, 't1', open('same-key-9'), undefined);
    const b = await setup().engine.execute(ticketWorkflow, 't1', { ...open('same-key-9'), meta: { ...open('same-key-9').meta, actor: { ...alice, id: 'alice2' } } }, undefined);
    expect(a.events[0].id).not.toBe(b.events[0].id);
  });
});
