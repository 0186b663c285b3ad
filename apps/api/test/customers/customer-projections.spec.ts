import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES, NO_PREPAYMENT, type CustomerCommandType } from '@crm/customers';
import { createReadModelDb, type Projection, type ReadModelDb, readModelSnapshot, WorkflowEngine } from '@crm/engine';
import type { EventStore, StoredEvent } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createThrowawayDatabase, describeWithPostgres, tempDir } from '@crm/testing';
import { type Actor, SCHEDULER_ACTOR } from '@crm/workflow-kit';
import { customerProjections } from '../../src/customers/read-models/customer-projections';
import { notificationOutboxProjection } from '../../src/notifications/notification-outbox.projection';
import { archive, ONBOARDING } from './customer-fixtures';

jest.setTimeout(60_000);

const MANAGER: Actor = { id: 'manager', roles: ['customer_manager'] };
const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
const GM: Actor = { id: 'gm', roles: ['general_manager'] };
const ALL: Projection[] = [...customerProjections(), notificationOutboxProjection];

/** A history touching every event the customer read models and the outbox read. */
async function someHistory(store: EventStore): Promise<StoredEvent[]> {
  const engine = new WorkflowEngine(store);
  const run = (id: string, type: CustomerCommandType, data: unknown, actor: Actor, now: string) =>
    engine.execute(customerWorkflow, id, { type, data, meta: { actor, now } }, { ...DEFAULT_CUSTOMER_SERVICES, prepayment: NO_PREPAYMENT });
  const doc = { documentId: 'licence', kind: 'business_licence', number: 'BL-1', validFrom: '2021-04-16', validUntil: '2026-04-15' };
  await run('r-1', 'OpenCustomerArchive', archive('r-1', { documents: [doc] }), ONBOARDING, '2026-03-31T02:00:00.000Z');
  await run('r-2', 'OpenCustomerArchive', archive('r-2'), ONBOARDING, '2026-03-31T02:00:00.000Z');
  await run('r-1', 'RecordPickup', { pickupId: 'P-1', date: '2026-03-31', product: 'PP', tonnes: 1500, warehouse: 'w' }, MANAGER, '2026-03-31T03:00:00.000Z');
  await run('r-1', 'RecordPickup', { pickupId: 'P-2', date: '2026-03-31', product: 'PP', tonnes: 200, warehouse: 'w' }, MANAGER, '2026-03-31T03:00:00.000Z');
  await run('r-1', 'WarnDocumentExpiry', { documentId: 'licence', validUntil: '2026-04-15' }, SCHEDULER_ACTOR, '2026-03-31T04:00:00.000Z');
  await run('r-1', 'EvaluateMonth', { month: '2026-03' }, SALES, '2026-04-01T02:00:00.000Z');
  await run('r-1', 'CorrectPickup', { pickupId: 'P-1', tonnes: 700, reason: 'typo' }, MANAGER, '2026-04-02T02:00:00.000Z');
  await run('r-1', 'VoidPickup', { pickupId: 'P-2', reason: 'duplicate' }, MANAGER, '2026-04-02T03:00:00.000Z');
  await run('r-1', 'ChangeCustomerInformation', { changes: { region: '华北', customerManagerId: 'manager2' }, reason: 'moved' }, SALES, '2026-04-03T02:00:00.000Z');
  await run('r-1', 'ExpireDocument', { documentId: 'licence', validUntil: '2026-04-15' }, SCHEDULER_ACTOR, '2026-04-15T16:00:00.000Z');
  await run('r-1', 'RenewQualificationDocument', { documentId: 'licence', number: 'BL-2', validFrom: '2026-04-16', validUntil: '2031-04-15' }, SALES, '2026-04-16T02:00:00.000Z');
  await run('r-2', 'ProposeDisqualification', { reason: 'under_investigation', evidence: ['notice'] }, SALES, '2026-04-03T02:00:00.000Z');
  await run('r-2', 'ApproveDisqualification', {}, GM, '2026-04-03T03:00:00.000Z');
  return store.readAll({ fromPosition: 0 });
}

async function applyAll(readModels: ReadModelDb, projection: Projection, events: StoredEvent[], times: number): Promise<void> {
  for (const event of events) {
    for (let i = 0; i < times; i++) await readModels.transaction((trx) => projection.apply(event, trx, readModels.dialect));
  }
}

function replaySuite(open: () => Promise<{ store: EventStore; dispose(): Promise<void> }>) {
  let store: EventStore;
  let readModels: ReadModelDb;
  let dispose: () => Promise<void>;
  let events: StoredEvent[];
  beforeAll(async () => {
    ({ store, dispose } = await open());
    readModels = await createReadModelDb(store);
    for (const p of ALL) await readModels.ddl((trx) => p.migrate(trx, readModels.dialect));
    events = await someHistory(store);
  });
  afterAll(async () => {
    await readModels.close();
    await dispose();
  });

  it.each(ALL.map((p) => [p.name, p] as const))('%s: replaying every event twice changes nothing', async (_name, projection) => {
    await readModels.transaction((trx) => projection.reset(trx, readModels.dialect));
    await applyAll(readModels, projection, events, 1);
    const once = await readModelSnapshot(readModels, projection);
    expect(Object.values(once).some((rows) => rows.length > 0)).toBe(true);
    await applyAll(readModels, projection, events, 1);
    expect(await readModelSnapshot(readModels, projection)).toEqual(once);
    await readModels.transaction((trx) => projection.reset(trx, readModels.dialect));
    await applyAll(readModels, projection, events, 2);
    expect(await readModelSnapshot(readModels, projection)).toEqual(once);
  });

  it('derives what the stream says: status, grade, documents, live monthly tonnage, outbox recipients', async () => {
    const db = readModels.db;
    const customers = await db.selectFrom('customers').select(['customer_id', 'status', 'grade', 'region', 'customer_manager_id']).orderBy('customer_id').execute();
    expect(customers).toEqual([
      { customer_id: 'r-1', status: 'active', grade: 'ordinary', region: '华北', customer_manager_id: 'manager2' },
      { customer_id: 'r-2', status: 'disqualified', grade: 'ordinary', region: '华东', customer_manager_id: 'manager' },
    ]);
    const doc = await db.selectFrom('customer_documents').selectAll().where('customer_id', '=', 'r-1').executeTakeFirstOrThrow();
    expect([doc.status, doc.number, doc.warned_at]).toEqual(['valid', 'BL-2', null]);
    const live = await db.selectFrom('customer_pickups').select(['pickup_id', 'kg', 'voided']).orderBy('pickup_id').execute();
    expect(live.map((r) => [r.pickup_id, Number(r.kg), Number(r.voided)])).toEqual([['P-1', 700_000, 0], ['P-2', 200_000, 1]]);
    const history = await db.selectFrom('customer_grade_history').select(['customer_id', 'kind', 'previous_grade', 'new_grade']).orderBy('position').execute();
    expect(history.filter((h) => h.customer_id === 'r-1').map((h) => h.kind)).toEqual(['opened', 'proposed', 'reevaluated', 'lapsed', 'reevaluated']);
    const outbox = await db.selectFrom('notification_outbox').select(['event_type', 'recipient', 'addressee']).where('recipient', '=', 'customer_manager').execute();
    expect(outbox).toEqual([{ event_type: 'DocumentExpiryWarned', recipient: 'customer_manager', addressee: 'manager' }]);
  });
}

describe('customer read models and the outbox on SQLite (a real file)', () => {
  replaySuite(async () => {
    const tmp = tempDir('crm-customers-');
    const store = SqliteEventStore.open(tmp.file('crm.db'));
    return { store, dispose: async () => { await store.close(); tmp.remove(); } };
  });
});

describeWithPostgres('customer read models and the outbox on PostgreSQL (a throw-away database)', () => {
  replaySuite(async () => {
    const database = await createThrowawayDatabase();
    const store = await PostgresEventStore.connect(database.url);
    return { store, dispose: () => store.close().finally(() => database.drop()) };
  });
});
