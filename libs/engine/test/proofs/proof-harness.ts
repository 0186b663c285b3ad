import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createReadModelDb, type Projection, ProjectionRunner, type ReadModelDb, readModelSnapshot, timersProjection, WorkflowEngine } from '../../src';
import { ticketSummaryProjection } from '../fixtures/ticket-summary.projection';
import { ticketWorkflow } from '../fixtures/ticket.workflow';
import type { Ack } from '../support/service-process';
import { allEvents, auditTimers } from '../support/verify-history';

export const projections = (): Projection[] => [timersProjection, ticketSummaryProjection()];

/** The parent's own connections, to watch and then verify what the service processes did. */
export class Observer {
  private constructor(
    readonly store: EventStore,
    readonly readModels: ReadModelDb,
    readonly runner: ProjectionRunner,
  ) {}

  static async open(engine: 'postgres' | 'sqlite', location: string): Promise<Observer> {
    const store = engine === 'postgres' ? await PostgresEventStore.connect(location) : SqliteEventStore.open(location);
    const readModels = await createReadModelDb(store);
    return new Observer(store, readModels, new ProjectionRunner(store, readModels, projections()));
  }

  /** every timer ended and both read models at the head */
  async settled(): Promise<boolean> {
    const audit = await auditTimers(this.store);
    if (audit.pending > 0 || audit.timers === 0) return false;
    const head = await this.store.headPosition();
    for (const p of projections()) if (((await this.runner.checkpoint(p.name))?.position ?? 0) < head) return false;
    return true;
  }

  async close(): Promise<void> {
    await this.readModels.close();
    await this.store.close();
  }
}

/** No acknowledged event lost; each idempotency key written by exactly one append. */
export async function expectAcknowledgedEventsKept(store: EventStore, acks: Ack[]): Promise<void> {
  const events = await allEvents(store);
  const ids = new Set(events.map((e) => e.id));
  const lost = acks.flatMap((a) => a.ids.filter((id) => !ids.has(id)).map((id) => `${a.key}:${id}`));
  expect(lost).toEqual([]);
  const byKey = new Map<string, number[]>();
  for (const e of events) {
    const key = e.metadata.idempotencyKey;
    if (typeof key === 'string') byKey.set(`${e.streamId}|${key}`, [...(byKey.get(`${e.streamId}|${key}`) ?? []), e.revision]);
  }
  const split = [...byKey].filter(([, revisions]) => revisions.some((r, i) => i > 0 && r !== revisions[i - 1] + 1));
  expect(split).toEqual([]);
}

/** Read models equal both an independent replay of every stream and a rebuild from zero. */
export async function expectReadModelsRight(observer: Observer): Promise<void> {
  const engine = new WorkflowEngine(observer.store);
  const rows = await observer.readModels.db.selectFrom('ticket_summaries').selectAll().orderBy('ticket_id').execute();
  const opened = (await allEvents(observer.store)).filter((e) => e.type === 'TicketOpened').length;
  expect(rows).toHaveLength(opened);
  for (const row of rows) {
    const { state } = await engine.load(ticketWorkflow, row.ticket_id);
    expect([row.ticket_id, row.state, Number(row.comments), row.approved_by]).toEqual([row.ticket_id, state.state, state.context.comments, state.context.approvedBy]);
  }
  for (const projection of projections()) {
    const incremental = await readModelSnapshot(observer.readModels, projection);
    await observer.runner.rebuild(projection.name);
    expect(await readModelSnapshot(observer.readModels, projection)).toEqual(incremental);
  }
}
