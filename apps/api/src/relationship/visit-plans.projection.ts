import type { VisitPlanEventType } from '@crm/relationship';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const VISIT_PLANS_TABLE = 'visit_plans';
export const VISIT_PLAN_ITEMS_TABLE = 'visit_plan_items';
export const VISIT_PLANS_PROJECTION = 'visit_plans';

type Data = Record<string, any>;
const TYPES: VisitPlanEventType[] = ['VisitPlanDrafted', 'VisitPlanRevised', 'VisitPlanSubmitted', 'VisitPlanApproved', 'VisitPlanReturned'];
const STATUS: Partial<Record<VisitPlanEventType, string>> = { VisitPlanSubmitted: 'submitted', VisitPlanApproved: 'approved', VisitPlanReturned: 'drafting' };

const planIdOf = (event: StoredEvent) => event.streamId.slice('visit-plan-'.length);

/** R-VISIT-1: plans and their items (customer, month), for the plan-vs-done progress report. */
export const visitPlansProjection: Projection = {
  name: VISIT_PLANS_PROJECTION,
  version: 1,
  eventTypes: TYPES,
  tables: [
    { name: VISIT_PLANS_TABLE, orderBy: 'plan_id' },
    { name: VISIT_PLAN_ITEMS_TABLE, orderBy: 'item_key' },
  ],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(VISIT_PLANS_TABLE)
      .ifNotExists()
      .addColumn('plan_id', 'text', (c) => c.primaryKey())
      .addColumn('manager_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('last_position', big, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable(VISIT_PLAN_ITEMS_TABLE)
      .ifNotExists()
      .addColumn('item_key', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('month', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('visit_plan_items_plan').ifNotExists().on(VISIT_PLAN_ITEMS_TABLE).column('plan_id').execute();
    await db.schema.createIndex('visit_plans_year').ifNotExists().on(VISIT_PLANS_TABLE).columns(['year', 'manager_id']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(VISIT_PLAN_ITEMS_TABLE).execute();
    await trx.deleteFrom(VISIT_PLANS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    const planId = planIdOf(event);
    if (event.type === 'VisitPlanDrafted') {
      const inserted = await trx
        .insertInto(VISIT_PLANS_TABLE)
        .values({ plan_id: planId, manager_id: d.managerId, year: d.year, status: 'drafting', last_position: event.position })
        .onConflict((oc) => oc.column('plan_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await replaceItems(trx, planId, d.items);
      return;
    }
    const row = await trx.selectFrom(VISIT_PLANS_TABLE).select('last_position').where('plan_id', '=', planId).executeTakeFirst();
    if (!row || Number(row.last_position) >= event.position) return; // replayed: already in the rows
    if (event.type === 'VisitPlanRevised') await replaceItems(trx, planId, d.items);
    const approved = event.type === 'VisitPlanApproved' ? { approved_by: d.by, approved_at: d.at } : {};
    const status = STATUS[event.type as VisitPlanEventType];
    await trx.updateTable(VISIT_PLANS_TABLE).set({ ...(status ? { status } : {}), ...approved, last_position: event.position }).where('plan_id', '=', planId).execute();
  },
};

async function replaceItems(trx: Kysely<any>, planId: string, items: Array<{ itemId: string; customerId: string; month: number }>) {
  await trx.deleteFrom(VISIT_PLAN_ITEMS_TABLE).where('plan_id', '=', planId).execute();
  const rows = items.map((i) => ({ item_key: `${planId}/${i.itemId}`, plan_id: planId, item_id: i.itemId, customer_id: i.customerId, month: i.month }));
  if (rows.length > 0) await trx.insertInto(VISIT_PLAN_ITEMS_TABLE).values(rows).execute();
}
