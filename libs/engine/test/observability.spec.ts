import { observeAppends, type AppendObservation, InMemoryEventStore } from '@crm/event-store';
import { type CommandOutcome, ProjectionRunner, WorkflowEngine } from '../src';
import { alice, bob, cmd } from './fixtures/ticket.commands';
import { ticketSummaryProjection } from './fixtures/ticket-summary.projection';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { sqliteEngine } from './support/engines';

describe('what the engine and the store port report (metrics and logs hang on these)', () => {
  it('every execute reports its outcome once: accepted, refused naming the rule or the state, replayed', async () => {
    const outcomes: CommandOutcome[] = [];
    const engine = new WorkflowEngine(new InMemoryEventStore(), { onCommand: (o) => outcomes.push(o) });
    await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    await expect(engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, alice), undefined)).rejects.toThrow();
    const keyed = cmd('CommentTicket', { text: 'x' }, bob);
    const once = { ...keyed, meta: { ...keyed.meta, idempotencyKey: 'k-1' } };
    await engine.execute(ticketWorkflow, 't1', once, undefined);
    await engine.execute(ticketWorkflow, 't1', once, undefined);
    expect(outcomes.map(({ seconds: _s, ...o }) => o)).toEqual([
      { workflow: 'ticket', command: 'OpenTicket', result: 'accepted' },
      { workflow: 'ticket', command: 'ApproveTicket', result: 'refused', rule: 'STATE' },
      { workflow: 'ticket', command: 'CommentTicket', result: 'accepted' },
      { workflow: 'ticket', command: 'CommentTicket', result: 'replayed' },
    ]);
    expect(outcomes.every((o) => o.seconds >= 0)).toBe(true);
  });

  it('observeAppends sees every append with its batch size and outcome, installs once per store, and unsubscribes', async () => {
    const store = new InMemoryEventStore();
    const seen: AppendObservation[] = [];
    const also: AppendObservation[] = [];
    const stop = observeAppends(store, (o) => seen.push(o));
    const stopAlso = observeAppends(store, (o) => also.push(o));
    const event = (id: string) => ({ id, type: 'Noted', data: {}, metadata: { actor: 'a', correlationId: id, causationId: null, occurredAt: '2026-03-02T00:00:00.000Z', schemaVersion: 1 } });
    await store.appendToStream('s-1', [event('00000000-0000-4000-8000-000000000001'), event('00000000-0000-4000-8000-000000000002')], { expectedRevision: 'no_stream' });
    await expect(store.appendToStream('s-1', [event('00000000-0000-4000-8000-000000000003')], { expectedRevision: 'no_stream' })).rejects.toThrow();
    stopAlso();
    await store.appendToStream('s-1', [event('00000000-0000-4000-8000-000000000004')], { expectedRevision: 1 });
    stop();
    expect(seen.map(({ events, outcome }) => [events, outcome])).toEqual([[2, 'ok'], [1, 'conflict'], [1, 'ok']]);
    expect(also).toHaveLength(2);
  });

  it('ProjectionRunner.lag: events behind the head and the age of the oldest unapplied one; nothing once caught up', async () => {
    const e = await sqliteEngine();
    try {
      const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()]);
      await runner.migrate();
      const engine = new WorkflowEngine(e.store);
      await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
      await engine.execute(ticketWorkflow, 't2', cmd('OpenTicket', { title: 'pump' }, alice), undefined);
      const [first] = await e.store.readAll({ maxCount: 1 });
      const later = new Date(Date.parse(first.recordedAt) + 90_000);
      expect(await runner.lag(later)).toEqual([{ name: 'ticket_summaries', events: await e.store.headPosition(), seconds: 90 }]);
      await runner.catchUp('ticket_summaries');
      expect(await runner.lag(later)).toEqual([{ name: 'ticket_summaries', events: 0, seconds: 0 }]);
    } finally {
      await e.dispose();
    }
  });
});
