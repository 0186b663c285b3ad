import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@crm/event-store';
import { auditRecordViewedEvent, CUSTOMER_STREAMS_TABLE, customerStreamsProjection, findCustomerStreams, findStreamsActiveIn } from '../src';
import { postgresStore, sqliteStore, type TamperableStore } from './support/engines';
import { buildCustomer, CUSTOMER_ID } from './support/customer-scenario';
import { describeWithPostgres } from '@crm/testing';
import { must } from './support/must';

const raw = (type: string, data: Record<string, unknown>, occurredAt = '2026-03-01T00:00:00.000Z'): NewEvent => ({
  id: randomUUID(), type, data: data as never, metadata: { actor: 'x', correlationId: randomUUID(), causationId: null, occurredAt, schemaVersion: 1 },
});

async function seed(store: EventStore): Promise<void> {
  await buildCustomer(store);
  await store.appendToStream('onboarding-app-1', [raw('ApplicationDrafted', { applicationId: 'app-1' }, '2026-01-10T00:00:00.000Z')]);
  await store.appendToStream('complaint-other', [raw('ComplaintRecorded', { complaintId: 'other', customerId: 'cust-other' })]);
  await store.appendToStream('audit-log-2026-03', [auditRecordViewedEvent({ who: 'auditor', customerId: CUSTOMER_ID, what: 'history', at: '2026-03-10T00:00:00.000Z', query: {} })]);
  await store.appendToStream('calendar-cn', [raw('CalendarYearPublished', { year: 2027 })]);
}

function projectionSuite(open: () => Promise<TamperableStore>) {
  let env: TamperableStore;
  beforeEach(async () => {
    env = await open();
    await seed(env.store);
    await env.runner.catchUp('customer-streams');
  });
  afterEach(() => env.close());

  it("maps each of the customer's streams with its first and last position, follow-up events included", async () => {
    const all = await env.store.readAll();
    const span = (id: string) => {
      const es = all.filter((e) => e.streamId === id);
      return { streamId: id, customerId: CUSTOMER_ID, firstPosition: es[0].position, lastPosition: must(es.at(-1)).position, firstAt: es[0].metadata.occurredAt, lastAt: must(es.at(-1)).metadata.occurredAt };
    };
    const rows = await findCustomerStreams(env.readModels.db, CUSTOMER_ID);
    expect(rows).toEqual([span(`customer-${CUSTOMER_ID}`), span('complaint-cmp-1'), span('complaint-cmp-2'), span('onboarding-app-1')]);
  });

  it('never maps the audit log or the calendar to a customer; other customers keep their own streams', async () => {
    const ids = (await env.readModels.db.selectFrom(CUSTOMER_STREAMS_TABLE).select('stream_id').execute()).map((r) => r.stream_id);
    expect(ids).not.toContain('audit-log-2026-03');
    expect(ids).not.toContain('calendar-cn');
    expect((await findCustomerStreams(env.readModels.db, 'cust-other')).map((r) => r.streamId)).toEqual(['complaint-other']);
  });

  it('is idempotent: applying every event a second time changes nothing', async () => {
    const before = await env.readModels.db.selectFrom(CUSTOMER_STREAMS_TABLE).selectAll().orderBy('stream_id').execute();
    const events = await env.store.readAll();
    await env.readModels.transaction(async (trx) => {
      for (const event of events) await customerStreamsProjection.apply(event, trx, env.readModels.dialect);
      // and out of order: an older event never moves the last position back
      await customerStreamsProjection.apply(events[0], trx, env.readModels.dialect);
    });
    expect(await env.readModels.db.selectFrom(CUSTOMER_STREAMS_TABLE).selectAll().orderBy('stream_id').execute()).toEqual(before);
  });

  it('a rebuild from position zero gives the same rows', async () => {
    const before = await env.readModels.db.selectFrom(CUSTOMER_STREAMS_TABLE).selectAll().orderBy('stream_id').execute();
    await env.runner.rebuild('customer-streams');
    expect(await env.readModels.db.selectFrom(CUSTOMER_STREAMS_TABLE).selectAll().orderBy('stream_id').execute()).toEqual(before);
  });

  it('finds the complaint streams active in a period (what-if input)', async () => {
    const feb = await findStreamsActiveIn(env.readModels.db, 'complaint-', '2026-02-01T00:00:00.000Z', '2026-02-28T23:59:59.999Z', CUSTOMER_ID);
    expect(feb.map((r) => r.streamId)).toEqual(['complaint-cmp-1']);
  });
}

describe('customer-streams projection on SQLite', () => projectionSuite(sqliteStore));
describeWithPostgres('customer-streams projection on PostgreSQL', () => projectionSuite(postgresStore));
