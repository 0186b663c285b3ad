import type { PickupCorrected, PickupRecorded, PickupVoided } from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import { alreadyApplied, bigint, customerIdOf, data, isCustomerEvent } from './projection-support';

export const PICKUPS_TABLE = 'customer_pickups';

/**
 * Pickups in kilograms (exact sums), with corrections and voids applied to their own row: monthly
 * tonnage is a GROUP BY over live rows, so a late correction moves the month it belongs to.
 */
export const pickupsProjection: Projection = {
  name: 'customer_pickups',
  version: 1,
  eventTypes: ['PickupRecorded', 'PickupCorrected', 'PickupVoided'],
  tables: [{ name: PICKUPS_TABLE, orderBy: 'pickup_key' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(PICKUPS_TABLE)
      .ifNotExists()
      .addColumn('pickup_key', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('pickup_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('product', 'text', (c) => c.notNull())
      .addColumn('warehouse', 'text', (c) => c.notNull())
      .addColumn('kg', bigint(dialect), (c) => c.notNull())
      .addColumn('voided', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text')
      .addColumn('last_position', bigint(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customer_pickups_month').ifNotExists().on(PICKUPS_TABLE).columns(['customer_id', 'month']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(PICKUPS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (!isCustomerEvent(event) || !pickupsProjection.eventTypes?.includes(event.type)) return;
    const customerId = customerIdOf(event);
    const pickupKey = `${customerId}/${String(event.data.pickupId)}`;
    if (event.type === 'PickupRecorded') {
      const d = data<PickupRecorded>(event);
      const row = {
        pickup_key: pickupKey, customer_id: customerId, pickup_id: d.pickupId, date: d.date, month: d.date.slice(0, 7), product: d.product,
        warehouse: d.warehouse, kg: Math.round(d.tonnes * 1000), voided: 0, recorded_at: d.recordedAt, last_position: event.position,
      };
      await trx.insertInto(PICKUPS_TABLE).values(row).onConflict((oc) => oc.column('pickup_key').doNothing()).execute();
      return;
    }
    const existing = await trx.selectFrom(PICKUPS_TABLE).select('last_position').where('pickup_key', '=', pickupKey).executeTakeFirst();
    if (!existing || alreadyApplied(existing, event)) return;
    const patch =
      event.type === 'PickupCorrected'
        ? { kg: Math.round(data<PickupCorrected>(event).tonnes * 1000), changed_at: data<PickupCorrected>(event).recordedAt }
        : { voided: 1, changed_at: data<PickupVoided>(event).recordedAt };
    await trx.updateTable(PICKUPS_TABLE).set({ ...patch, last_position: event.position }).where('pickup_key', '=', pickupKey).execute();
  },
};
