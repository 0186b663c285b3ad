import { type EventStore, InMemoryEventStore, WrongExpectedRevisionError } from '@crm/event-store';
import { SCHEDULER_ACTOR, TransitionNotAllowed } from '@crm/workflow-kit';
import fc from 'fast-check';
import { type CommandResult, replayStored, WorkflowEngine } from '../src';
import { alice, bob, carol, cmd, T0 } from './fixtures/ticket.commands';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { sqliteEngine } from './support/engines';

const COMMANDS = ['OpenTicket', 'CommentTicket', 'CommentTicket', 'ApproveTicket', 'WithdrawTicket', 'EscalateTicket'] as const;
const ACTORS = [alice, bob, carol, SCHEDULER_ACTOR];
const step = fc.record({
  process: fc.constantFrom('a', 'b'),
  ticket: fc.constantFrom('t0', 't1', 't2'),
  command: fc.constantFrom(...COMMANDS),
  actor: fc.constantFrom(...ACTORS),
  key: fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const commandOf = (s: Step, i: number) =>
  cmd(s.command, s.command === 'OpenTicket' ? { title: `ticket ${i}`, escalateInMs: 60_000 } : s.command === 'CommentTicket' ? { text: `c${i}` } : {}, s.actor, T0, s.key && `${s.ticket}-${s.key}`);

/** What a caller can observe of one command, ids and hashes aside (the two stores assign their own). */
async function outcome(run: Promise<CommandResult>) {
  try {
    const r = await run;
    return { ok: { revision: r.revision, replayed: r.replayed, state: r.state, events: r.events.map((e) => [e.type, e.revision]) } };
  } catch (error) {
    return { refused: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const coldState = async (store: EventStore, id: string) => replayStored(ticketWorkflow, `ticket-${id}`, await store.readStream(`ticket-${id}`)).state;

describe('WorkflowEngine stream cache', () => {
  it('decides and answers exactly like an engine replaying from zero, for any sequence of commands from two processes on one SQLite file', async () => {
    let hits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const db = await sqliteEngine();
        try {
          // two connections to one file, each with its own engine and cache, as two processes would be;
          // process a keeps at most two streams (evictions), process b the default; the oracle keeps none
          const engines = { a: new WorkflowEngine(db.store, { streamCacheSize: 2 }), b: new WorkflowEngine(await db.otherStore()) };
          const oracleStore = new InMemoryEventStore();
          const oracle = new WorkflowEngine(oracleStore, { streamCacheSize: 0 });
          for (const [i, s] of steps.entries()) {
            const got = await outcome(engines[s.process].execute(ticketWorkflow, s.ticket, commandOf(s, i), undefined));
            const expected = await outcome(oracle.execute(ticketWorkflow, s.ticket, commandOf(s, i), undefined));
            expect(got).toEqual(expected);
          }
          for (const id of ['t0', 't1', 't2']) {
            const cold = await coldState(db.store, id);
            expect((await engines.a.load(ticketWorkflow, id)).state).toEqual(cold);
            expect((await engines.b.load(ticketWorkflow, id)).state).toEqual(cold);
            expect(cold).toEqual(await coldState(oracleStore, id));
          }
          hits += engines.a.cacheStats().hits + engines.b.cacheStats().hits;
          expect(engines.a.cacheStats().entries).toBeLessThanOrEqual(2);
        } finally {
          await db.dispose();
        }
      }),
      { numRuns: 60 },
    );
    expect(hits).toBeGreaterThan(30); // the property ran against cached states, not only cold ones
  });

  it('hands out frozen states: a caller or decider changing one in place fails instead of changing what the next command decides on', async () => {
    const engine = new WorkflowEngine(new InMemoryEventStore());
    await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    const loaded = await engine.load(ticketWorkflow, 't1');
    expect(() => {
      (loaded.state.context as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      (loaded.events[0].data as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    await expect(
      engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob), undefined, {
        precheck: (stream) => {
          (stream.state.context as { comments: number }).comments = 99;
          return undefined;
        },
      }),
    ).rejects.toThrow(TypeError);
    const after = await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'y' }, bob), undefined);
    expect(after.state.context).toMatchObject({ title: 'valve', comments: 1 });
  });

  it('an idempotency key sent again replays the first result from a cached stream, as from a cold one', async () => {
    const store = new InMemoryEventStore();
    const [warm, cold] = [new WorkflowEngine(store), new WorkflowEngine(store, { streamCacheSize: 0 })];
    await warm.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    const first = await warm.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob, T0, 'k1'), undefined);
    await warm.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'later' }, bob), undefined);
    const again = await warm.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob, T0, 'k1'), undefined);
    expect(again).toMatchObject({ replayed: true, revision: first.revision, state: { context: { comments: 1 } } });
    expect(again).toEqual(await cold.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob, T0, 'k1'), undefined));
    expect((await store.readStream('ticket-t1')).length).toBe(3);
  });

  it('a retry-safe command that lost the race to another process is decided again on the stream as it now is; one that is not retry-safe is refused', async () => {
    const store = new InMemoryEventStore();
    const other = new WorkflowEngine(store);
    let interleave: (() => Promise<unknown>) | null = null;
    // the other process appends between this engine's read and its append
    const racing = new Proxy(store, {
      get: (target, key) =>
        key === 'appendToStream'
          ? async (...args: Parameters<EventStore['appendToStream']>) => {
              const before = interleave;
              interleave = null;
              if (before) await before();
              return target.appendToStream(...args);
            }
          : (target as unknown as Record<string | symbol, unknown>)[key] instanceof Function
            ? ((target as unknown as Record<string | symbol, (...a: unknown[]) => unknown>)[key] as (...a: unknown[]) => unknown).bind(target)
            : (target as unknown as Record<string | symbol, unknown>)[key],
    });
    const engine = new WorkflowEngine(racing);
    await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    interleave = () => other.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'theirs' }, carol), undefined);
    const retried = await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'mine' }, bob), undefined);
    expect(retried.state.context).toMatchObject({ comments: 2 });
    expect(retried.revision).toBe(2);
    interleave = () => other.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'theirs again' }, carol), undefined);
    await expect(engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await engine.load(ticketWorkflow, 't1')).state).toEqual(await coldState(store, 't1'));
    expect((await engine.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined)).state.state).toBe('approved');
  });

  it('an as-of read (audit) replays the stream up to that point from the store, never from the cached state', async () => {
    const store = new InMemoryEventStore();
    const engine = new WorkflowEngine(store);
    const opened = await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    for (const text of ['1', '2']) await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text }, bob), undefined);
    const before = engine.cacheStats();
    const then = await engine.stateAt(ticketWorkflow, 't1', { atPosition: opened.position });
    expect(then.state).toMatchObject({ revision: 0, context: { comments: 0 } });
    expect(then.events.map((e) => e.revision)).toEqual([0]);
    expect(engine.cacheStats()).toEqual(before);
    expect((await engine.load(ticketWorkflow, 't1')).state).toMatchObject({ revision: 2, context: { comments: 2 } });
  });

  it('sees what another process appended since it cached the stream, replaying only those events', async () => {
    const db = await sqliteEngine();
    const [mine, theirs] = [db.store, await db.otherStore()];
    try {
      const engine = new WorkflowEngine(mine);
      await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
      await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'mine' }, alice), undefined);
      const other = new WorkflowEngine(theirs);
      await other.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'theirs 1' }, bob), undefined);
      await other.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'theirs 2' }, carol), undefined);
      const before = engine.cacheStats();
      const result = await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'mine again' }, alice), undefined);
      expect(result.state.context.comments).toBe(4);
      expect(engine.cacheStats()).toMatchObject({ hits: before.hits + 1, misses: before.misses, invalidated: 0 });
      expect((await engine.load(ticketWorkflow, 't1')).events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    } finally {
      await db.dispose();
    }
  });

  it('holds at most its budget of events: least recently used streams go first, a stream larger than the budget is never kept, answers unchanged', async () => {
    const store = new InMemoryEventStore();
    const engine = new WorkflowEngine(store, { streamCacheEvents: 6 });
    const comment = (id: string, text: string) => engine.execute(ticketWorkflow, id, cmd('CommentTicket', { text }, bob), undefined);
    await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    await comment('t1', 'one');
    const t1Events = (await store.readStream('ticket-t1')).length;
    expect(engine.cacheStats()).toMatchObject({ entries: 1, events: t1Events });

    await engine.execute(ticketWorkflow, 't2', cmd('OpenTicket', { title: 'pump' }, alice), undefined);
    for (const text of ['a', 'b', 'c', 'd']) await comment('t2', text);
    const t2Events = (await store.readStream('ticket-t2')).length;
    expect(t1Events + t2Events).toBeGreaterThan(6);
    expect(engine.cacheStats()).toMatchObject({ entries: 1, events: t2Events }); // t1, used least recently, went

    for (const text of ['e', 'f']) await comment('t2', text);
    expect((await store.readStream('ticket-t2')).length).toBeGreaterThan(6);
    expect(engine.cacheStats()).toMatchObject({ entries: 0, events: 0 });
    const result = await comment('t2', 'g');
    expect(result.state).toEqual(await coldState(store, 't2'));
    expect(engine.cacheStats()).toMatchObject({ entries: 0, events: 0 });
  });

  it('given two processes with warm caches racing to approve, then one wins, the other gets a conflict (409), one approval is stored, and the loser then sees it', async () => {
    const store = new InMemoryEventStore();
    const [a, b] = [new WorkflowEngine(store), new WorkflowEngine(store)];
    await a.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
    await b.load(ticketWorkflow, 't1');
    const outcomes = await Promise.allSettled([
      a.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, bob), undefined),
      b.execute(ticketWorkflow, 't1', cmd('ApproveTicket', {}, carol), undefined),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('ticket-t1')).filter((e) => e.type === 'TicketApproved')).toHaveLength(1);
    for (const engine of [a, b]) {
      expect((await engine.load(ticketWorkflow, 't1')).state).toEqual(await coldState(store, 't1'));
      await expect(engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'late' }, alice), undefined)).rejects.toThrow(TransitionNotAllowed);
    }
  });

  describe('throws the cached state away and replays from zero on a surprise', () => {
    async function warm() {
      const store = new InMemoryEventStore();
      const engine = new WorkflowEngine(store);
      await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
      await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob), undefined);
      return { store, engine };
    }
    const raw = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown>) => ({
      id: crypto.randomUUID(), type, data: data as never, metadata: { actor: 'bob', correlationId: 'c', causationId: null, occurredAt: T0, schemaVersion: 1, ...metadata },
    });

    it('an event written by another machine version', async () => {
      const { store, engine } = await warm();
      await store.appendToStream('ticket-t1', [raw('TicketCommented', { by: 'bob', text: 'old build' }, { machineVersion: '1' })]);
      expect((await engine.load(ticketWorkflow, 't1')).state).toMatchObject({ revision: 2, context: { comments: 2 } });
      expect(engine.cacheStats().invalidated).toBe(1);
    });

    it('an event stored under an older schema version (it needs upcasting)', async () => {
      const { store, engine } = await warm();
      await store.appendToStream('ticket-t1', [raw('TicketOpened', { title: 'again', by: 'bob', at: T0 }, { schemaVersion: 1, machineVersion: '2' })]);
      expect((await engine.load(ticketWorkflow, 't1')).state).toEqual(await coldState(store, 't1'));
      expect(engine.cacheStats().invalidated).toBe(1);
    });

    it('a changed definition of the workflow', async () => {
      const { engine } = await warm();
      const next = { ...ticketWorkflow, version: '3' };
      expect((await engine.load(next, 't1')).state).toMatchObject({ state: 'open', revision: 1, context: { comments: 1 } });
      expect(engine.cacheStats().invalidated).toBe(1);
    });

    it('the cached last event no longer in the store as it was (the store replaced under the process)', async () => {
      const [first, second] = [new InMemoryEventStore(), new InMemoryEventStore()];
      let current = first;
      const switchable = new Proxy({} as EventStore, {
        get: (_, key) => {
          const value = (current as unknown as Record<string | symbol, unknown>)[key];
          return typeof value === 'function' ? value.bind(current) : value;
        },
      });
      const engine = new WorkflowEngine(switchable);
      await engine.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'valve' }, alice), undefined);
      await engine.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text: 'x' }, bob), undefined);
      const elsewhere = new WorkflowEngine(second, { streamCacheSize: 0 });
      await elsewhere.execute(ticketWorkflow, 't1', cmd('OpenTicket', { title: 'other' }, bob), undefined);
      for (const text of ['1', '2', '3']) await elsewhere.execute(ticketWorkflow, 't1', cmd('CommentTicket', { text }, carol), undefined);
      current = second;
      const loaded = await engine.load(ticketWorkflow, 't1');
      expect(loaded.state).toMatchObject({ revision: 3, context: { title: 'other', comments: 3 } });
      expect(engine.cacheStats().invalidated).toBe(1);
    });
  });
});
