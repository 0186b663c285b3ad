import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import { allocationsProjection } from './allocations.projection';

export { ALLOCATIONS_TABLE, allocationsProjection } from './allocations.projection';

export const SALES_PLANS_TABLE = 'key_account_sales_plans';
export const SIGNALS_TABLE = 'key_account_signals';

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

export const keyAccountProjections = (): Projection[] => [salesPlansProjection, signalsProjection, allocationsProjection];
export const KEY_ACCOUNT_PROJECTION_NAMES = keyAccountProjections().map((p) => p.name);
