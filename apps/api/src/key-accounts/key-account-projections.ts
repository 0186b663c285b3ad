import type { AllocationApproved, AllocationProposed, AllocationReturned } from '@crm/key-accounts';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';

export const SALES_PLANS_TABLE = 'key_account_sales_plans';
export const SIGNALS_TABLE = 'key_account_signals';
export const ALLOCATIONS_TABLE = 'resource_allocations';

const big = (dialect: ReadModelDialect) => (dialect === 'postgres' ? 'bigint' : 'integer');
const data = <T>(event: StoredEvent): T => event.data as unknown as T;

/**
 * R-TIER-7 → R-ALLOC-2: each exclusive agent's latest filed plan per month, in kilograms — the
 * agents' demand in an allocation and the base of their completion rate. Read from the customer
 * streams here (the customer context keeps plans only in its stream).
 */
export const salesPlansProjection: Projection = {
  name: SALES_PLANS_TABLE,
  version: 1,
  eventTypes: ['SalesPlanFiled'],
  tables: [{ name: SALES_PLANS_TABLE, orderBy: 'plan_key' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(SALES_PLANS_TABLE)
      .ifNotExists()
      .addColumn('plan_key', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('planned_kg', big(dialect), (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('filed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('key_account_sales_plans_month').ifNotExists().on(SALES_PLANS_TABLE).columns(['month']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(SALES_PLANS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (event.type !== 'SalesPlanFiled' || !event.streamId.startsWith('customer-')) return;
    const d = data<{ month: string; revision: number; filedAt: string; lines: Array<{ quantity: number }> }>(event);
    const row = {
      plan_key: `${event.streamId.slice('customer-'.length)}/${d.month}`,
      customer_id: event.streamId.slice('customer-'.length),
      month: d.month,
      planned_kg: d.lines.reduce((s, l) => s + Math.round(l.quantity * 1000), 0),
      revision: d.revision,
      filed_at: d.filedAt,
    };
    // a revision replaces the plan; replaying an older revision never overwrites a newer one
    await trx
      .insertInto(SALES_PLANS_TABLE)
      .values(row)
      .onConflict((oc) => oc.column('plan_key').doUpdateSet({ planned_kg: row.planned_kg, revision: row.revision, filed_at: row.filed_at }).where(`${SALES_PLANS_TABLE}.revision`, '<', row.revision))
      .execute();
  },
};

/** R-KAM-3/4: every warning raised or cleared and every loyalty level change, keyed by event id (append-only). */
export const signalsProjection: Projection = {
  name: SIGNALS_TABLE,
  version: 1,
  eventTypes: ['KeyAccountWarningRaised', 'KeyAccountWarningCleared', 'LoyaltyLevelChanged'],
  tables: [{ name: SIGNALS_TABLE, orderBy: 'event_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(SIGNALS_TABLE)
      .ifNotExists()
      .addColumn('event_id', 'text', (c) => c.primaryKey())
      .addColumn('position', big(dialect), (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('key_account_signals_month').ifNotExists().on(SIGNALS_TABLE).columns(['month', 'kind']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(SIGNALS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (!event.streamId.startsWith('key-account-')) return;
    const kind = { KeyAccountWarningRaised: 'warning_raised', KeyAccountWarningCleared: 'warning_cleared', LoyaltyLevelChanged: 'level_changed' }[event.type];
    if (!kind) return;
    const d = data<{ customerId: string; month: string; raisedAt?: string; clearedAt?: string; changedAt?: string }>(event);
    const row = {
      event_id: event.id, position: event.position, customer_id: d.customerId, month: d.month, kind, detail: JSON.stringify(event.data),
      at: d.raisedAt ?? d.clearedAt ?? d.changedAt ?? event.metadata.occurredAt,
    };
    await trx.insertInto(SIGNALS_TABLE).values(row).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  },
};

/** R-ALLOC-2 / R-EVAL-2: each month's latest proposal and its decision. */
export const allocationsProjection: Projection = {
  name: ALLOCATIONS_TABLE,
  version: 1,
  eventTypes: ['AllocationProposed', 'AllocationApproved', 'AllocationReturned'],
  tables: [{ name: ALLOCATIONS_TABLE, orderBy: 'month' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(ALLOCATIONS_TABLE)
      .ifNotExists()
      .addColumn('month', 'text', (c) => c.primaryKey())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('available_kg', big(dialect), (c) => c.notNull())
      .addColumn('demand_kg', big(dialect), (c) => c.notNull())
      .addColumn('allocated_kg', big(dialect), (c) => c.notNull())
      .addColumn('shortfall_kg', big(dialect), (c) => c.notNull())
      .addColumn('lines', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('proposed_by', 'text', (c) => c.notNull())
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decision_text', 'text')
      .addColumn('last_position', big(dialect), (c) => c.notNull())
      .execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(ALLOCATIONS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (!event.streamId.startsWith('resource-allocation-')) return;
    const month = event.streamId.slice('resource-allocation-'.length);
    const existing = await trx.selectFrom(ALLOCATIONS_TABLE).select('last_position').where('month', '=', month).executeTakeFirst();
    if (existing && Number(existing.last_position) >= event.position) return;
    if (event.type === 'AllocationProposed') {
      const d = data<AllocationProposed>(event);
      const row = {
        month, round: d.round, status: 'draft', available_kg: d.availableKg, demand_kg: d.demandKg, allocated_kg: d.allocatedKg, shortfall_kg: d.shortfallKg,
        lines: JSON.stringify(d.lines), note: d.note, proposed_by: d.proposedBy, proposed_at: d.proposedAt, decided_by: null, decided_at: null,
        decision_text: null, last_position: event.position,
      };
      await trx.insertInto(ALLOCATIONS_TABLE).values(row).onConflict((oc) => oc.column('month').doUpdateSet({ ...row })).execute();
      return;
    }
    const approved = event.type === 'AllocationApproved';
    const d = approved ? data<AllocationApproved>(event) : data<AllocationReturned>(event);
    const patch = approved
      ? { status: 'approved', decided_by: (d as AllocationApproved).approvedBy, decided_at: (d as AllocationApproved).approvedAt, decision_text: (d as AllocationApproved).comment }
      : { status: 'returned', decided_by: (d as AllocationReturned).returnedBy, decided_at: (d as AllocationReturned).returnedAt, decision_text: (d as AllocationReturned).reason };
    await trx.updateTable(ALLOCATIONS_TABLE).set({ ...patch, last_position: event.position }).where('month', '=', month).execute();
  },
};

export const keyAccountProjections = (): Projection[] => [salesPlansProjection, signalsProjection, allocationsProjection];
export const KEY_ACCOUNT_PROJECTION_NAMES = keyAccountProjections().map((p) => p.name);
