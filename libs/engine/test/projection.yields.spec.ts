import { ProjectionRunner, WorkflowEngine } from '../src';
import { alice, cmd } from './fixtures/ticket.commands';
import { ticketSummaryProjection } from './fixtures/ticket-summary.projection';
import { ticketWorkflow } from './fixtures/ticket.workflow';
import { type EngineUnderTest, sqliteEngine } from './support/engines';

const PAGE = 10;
const TICKETS = 300;

/**
 * better-sqlite3 answers at once, so a catch-up whose every await resolves in a microtask never
 * lets the event loop run anything else: on a service, requests (GET /health among them) wait for
 * the whole catch-up (ADR 0031's "projections stop competing with requests turn by turn").
 */
describe('a projection catching up on SQLite lets other work run between its pages', () => {
  let e: EngineUnderTest;
  beforeEach(async () => {
    e = await sqliteEngine();
  });
  afterEach(() => e.dispose());

  it('other callbacks run while it pages through the store, many times before it reaches the head', async () => {
    const engine = new WorkflowEngine(e.store);
    for (let i = 0; i < TICKETS; i++) await engine.execute(ticketWorkflow, `y${i}`, cmd('OpenTicket', { title: `pump ${i}` }, alice), undefined);
    const head = await e.store.headPosition();
    const runner = new ProjectionRunner(e.store, await e.readModels(), [ticketSummaryProjection()], { idlePollMs: 20, standbyPollMs: 50, leaseMs: 600, batchSize: PAGE });
    let turns = 0;
    let caughtUp = false;
    const other = () => {
      turns++;
      if (!caughtUp) setImmediate(other);
    };
    await runner.start();
    try {
      setImmediate(other);
      await runner.waitForPosition('ticket_summaries', head, 20_000);
      caughtUp = true;
      // one turn of other work at least every few pages
      expect(turns).toBeGreaterThan(head / PAGE / 4);
    } finally {
      await runner.stop();
    }
  });
});
