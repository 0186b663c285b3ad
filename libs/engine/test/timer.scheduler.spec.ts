import { SCHEDULER_ACTOR } from '@crm/workflow-kit';
import { fireTimer, ProjectionRunner, TimerScheduler, timersProjection, WorkflowEngine, WorkflowRegistry } from '../src';
import { alice, bob, cmd, T0 } from './fixtures/ticket.commands';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { type EngineUnderTest, postgresEngine, sqliteEngine } from './support/engines';
import { describeWithPostgres } from '@crm/testing';

const at = (ms: number) => new Date(Date.parse(T0) + ms);
const MINUTE = 60_000;

function timerSuite(open: () => Promise<EngineUnderTest>) {
  let e: EngineUnderTest;
  let engine: WorkflowEngine;
  let registry: WorkflowRegistry;
  let runner: ProjectionRunner;
  let now: Date;
  const clock = { now: () => now };
  const scheduler = (options = {}) => new TimerScheduler(engine, registry, runner.readModels, { clock, ...options });
  const openTicket = (id: string, escalateInMs = MINUTE) => engine.execute(ticketWorkflow, id, cmd('OpenTicket', { title: id, escalateInMs }, alice), undefined);
  const streamTypes = async (id: string) => (await e.store.readStream(`ticket-${id}`)).map((x) => x.type);
  const timerRows = () => runner.readModels.db.selectFrom('timers').selectAll().orderBy('due_at').execute();

  beforeEach(async () => {
    e = await open();
    engine = new WorkflowEngine(e.store);
    registry = new WorkflowRegistry().register(ticketWorkflow);
    runner = new ProjectionRunner(e.store, await e.readModels(), [timersProjection]);
    await runner.migrate();
    now = at(0);
  });
  afterEach(() => e.dispose());

  it('fires a due timer once, as the scheduler, in the same append as its TimerFired', async () => {
    await openTicket('a');
    await runner.catchUp('timers');
    now = at(30_000);
    expect(await scheduler().runDue()).toEqual([]);
    now = at(MINUTE + 500);
    const [firing] = await scheduler().runDue();
    expect(firing).toMatchObject({ outcome: 'executed', lateMs: 500, late: false });
    const stream = await e.store.readStream('ticket-a');
    expect(stream.slice(-2).map((x) => [x.type, x.metadata.actor])).toEqual([['TicketEscalated', SCHEDULER_ACTOR.id], ['TimerFired', SCHEDULER_ACTOR.id]]);
    expect(stream.at(-1)?.data).toMatchObject({ outcome: 'executed', lateMs: 500, late: false, firedAt: now.toISOString() });
    await runner.catchUp('timers');
    expect(await timerRows()).toMatchObject([{ status: 'fired', outcome: 'executed', fired_at: now.toISOString() }]);
    expect(await scheduler().runDue()).toEqual([]);
  });

  it('a timer fired twice (two schedulers before the read model caught up) has effect once', async () => {
    for (const id of ['a', 'b', 'c', 'd']) await openTicket(id);
    await runner.catchUp('timers');
    now = at(2 * MINUTE);
    const [row] = await timerRows();
    const timer = { timerId: row.timer_id, workflow: 'ticket', instanceId: row.instance_id, key: row.key, dueAt: row.due_at, command: JSON.parse(row.command) };
    expect((await fireTimer(engine, registry, timer, now, 1000)).outcome).toBe('executed');
    expect((await fireTimer(engine, registry, timer, now, 1000)).outcome).toBe('already-fired');
    const [one, two] = await Promise.all([scheduler({ batchSize: 1 }).runDue(), scheduler({ batchSize: 1 }).runDue()]);
    expect([...one, ...two].filter((f) => f.outcome === 'executed')).toHaveLength(3);
    for (const id of ['a', 'b', 'c', 'd']) expect((await streamTypes(id)).filter((t) => t === 'TicketEscalated')).toHaveLength(1);
  });

  it('never fires a timer the workflow cancelled, even when the read model has not seen the cancellation yet', async () => {
    await openTicket('a');
    await runner.catchUp('timers');
    await engine.execute(ticketWorkflow, 'a', cmd('ApproveTicket', {}, bob), undefined);
    now = at(2 * MINUTE);
    expect((await scheduler().runDue()).map((f) => f.outcome)).toEqual(['cancelled']);
    expect(await streamTypes('a')).toEqual(['TicketOpened', 'TimerScheduled', 'TicketApproved', 'TimerCancelled']);
    await runner.catchUp('timers');
    expect(await timerRows()).toMatchObject([{ status: 'cancelled' }]);
  });

  it('records a command the machine refuses as fired with outcome refused, and never retries it', async () => {
    const approving = { ...ticketWorkflow, deadlines: (s: any) => (s.state === 'open' ? [{ key: 'auto', dueAt: T0, command: { type: 'ApproveTicket', data: {} } }] : []) };
    registry = new WorkflowRegistry().register(approving);
    await engine.execute(approving, 'a', cmd('OpenTicket', { title: 'a' }, alice), undefined);
    await runner.catchUp('timers');
    const [firing] = await scheduler().runDue();
    expect(firing).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('R-TICKET-1') });
    await runner.catchUp('timers');
    expect(await timerRows()).toMatchObject([{ status: 'fired', outcome: 'refused' }]);
    now = at(10 * MINUTE);
    expect(await scheduler({ claimMs: 1 }).runDue()).toEqual([]);
    expect((await streamTypes('a')).filter((t) => t === 'TimerFired')).toHaveLength(1);
  });

  it('fires at start-up the timers that fell due while the service was down, marked late', async () => {
    await openTicket('a');
    await openTicket('b', 5 * MINUTE);
    await runner.catchUp('timers');
    now = at(60 * MINUTE);
    const firings: unknown[] = [];
    const s = scheduler({ onFired: (f: unknown) => firings.push(f) });
    await s.start();
    await waitFor(() => firings.length === 2);
    await s.stop();
    // the two streams fire on concurrent workers (and their appends may share a group commit): any completion order
    const byLateness = [...(firings as Array<{ lateMs: number }>)].sort((x, y) => y.lateMs - x.lateMs);
    expect(byLateness).toMatchObject([
      { outcome: 'executed', late: true, lateMs: 59 * MINUTE },
      { outcome: 'executed', late: true, lateMs: 55 * MINUTE },
    ]);
  });

  it('claims due timers in batches, in due order, leaving future ones alone', async () => {
    for (let i = 0; i < 10; i++) await openTicket(`t${i}`, (10 - i) * MINUTE);
    await runner.catchUp('timers');
    now = at(6 * MINUTE);
    const firings = await scheduler({ batchSize: 2, concurrency: 1 }).runDue();
    expect(firings.map((f) => f.timer.instanceId)).toEqual(['t9', 't8', 't7', 't6', 't5', 't4']);
    expect(await scheduler().nextDueAt()).toEqual(at(7 * MINUTE));
  });
}

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('TimerScheduler on SQLite', () => timerSuite(sqliteEngine));
describeWithPostgres('TimerScheduler on PostgreSQL', () => timerSuite(postgresEngine));
