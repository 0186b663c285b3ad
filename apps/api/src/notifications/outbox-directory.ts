import type { CustomerArchiveOpened, CustomerInformationChanged, PickupRecorded } from '@crm/customers';
import type { ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';
import type { UserRegistered, UserRolesChanged } from '../auth/user.events';
import { USER_STREAM_PREFIX } from '../auth/user.events';
import type { PlantOfficeConfigured, PlantOfficeRemoved } from './plant-office.events';

export const PEOPLE_TABLE = 'notification_people';
export const SUBJECTS_TABLE = 'notification_subjects';
export const CUSTOMER_ROUTES_TABLE = 'notification_customer_routes';
export const PLANT_OFFICES_TABLE = 'notification_plant_offices';

export const CUSTOMER_STREAM = 'customer-';

/**
 * What the outbox must know to turn groups into people and "相应的驻厂办" into one office: users
 * and their roles, the customer each stream is about, each customer's manager, region and the
 * warehouses it collects at, and the plant offices. The outbox keeps these itself, from the same
 * events in the same order, so a notification is addressed as things stood at its event, whatever
 * the checkpoints of the users or customers read models, and a rebuild addresses it the same way.
 */
export async function migrateOutboxDirectory(db: Kysely<any>, dialect: ReadModelDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema.createTable(PEOPLE_TABLE).ifNotExists()
    .addColumn('username', 'text', (c) => c.primaryKey()).addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull()).addColumn('position', big, (c) => c.notNull()).execute();
  await db.schema.createTable(SUBJECTS_TABLE).ifNotExists()
    .addColumn('stream_id', 'text', (c) => c.primaryKey()).addColumn('customer_id', 'text', (c) => c.notNull()).execute();
  await db.schema.createTable(CUSTOMER_ROUTES_TABLE).ifNotExists()
    .addColumn('customer_id', 'text', (c) => c.primaryKey()).addColumn('manager_id', 'text').addColumn('region', 'text')
    .addColumn('warehouses', 'text', (c) => c.notNull()).addColumn('position', big, (c) => c.notNull()).execute();
  await db.schema.createTable(PLANT_OFFICES_TABLE).ifNotExists()
    .addColumn('office_id', 'text', (c) => c.primaryKey()).addColumn('warehouses', 'text', (c) => c.notNull())
    .addColumn('regions', 'text', (c) => c.notNull()).addColumn('position', big, (c) => c.notNull()).execute();
}

export async function resetOutboxDirectory(trx: Kysely<any>): Promise<void> {
  for (const table of [PEOPLE_TABLE, SUBJECTS_TABLE, CUSTOMER_ROUTES_TABLE, PLANT_OFFICES_TABLE]) await trx.deleteFrom(table).execute();
}

/** Learns from one event before its notifications are addressed (an archive's own region counts). */
export async function trackDirectory(event: StoredEvent, trx: Kysely<any>): Promise<void> {
  if (event.streamId.startsWith(USER_STREAM_PREFIX)) return trackUser(event, trx);
  if (event.type === 'PlantOfficeConfigured' || event.type === 'PlantOfficeRemoved') return trackPlantOffice(event, trx);
  const customerId = customerOfEvent(event);
  if (customerId === null) return;
  // a customer's own stream names its customer; only other streams need remembering (one insert per complaint, visit …)
  if (event.streamId.startsWith(CUSTOMER_STREAM)) return trackCustomer(event, customerId, trx);
  await trx.insertInto(SUBJECTS_TABLE).values({ stream_id: event.streamId, customer_id: customerId }).onConflict((oc) => oc.column('stream_id').doNothing()).execute();
}

/** The customer an event is about: a customer stream's own id, or the `customerId` its data names. */
function customerOfEvent(event: StoredEvent): string | null {
  if (event.streamId.startsWith(CUSTOMER_STREAM)) return event.streamId.slice(CUSTOMER_STREAM.length);
  const named = (event.data as { customerId?: unknown }).customerId;
  return typeof named === 'string' && named.length > 0 ? named : null;
}

async function trackUser(event: StoredEvent, trx: Kysely<any>): Promise<void> {
  const username = event.streamId.slice(USER_STREAM_PREFIX.length);
  if (event.type === 'UserRegistered') {
    const data = event.data as UserRegistered;
    const row = { username, roles: JSON.stringify(data.roles), disabled: 0, position: event.position };
    await trx.insertInto(PEOPLE_TABLE).values(row).onConflict((oc) => oc.column('username').doNothing()).execute();
    return;
  }
  const set: Record<string, unknown> = { position: event.position };
  if (event.type === 'UserRolesChanged') set.roles = JSON.stringify((event.data as UserRolesChanged).roles);
  else if (event.type === 'UserDisabled') set.disabled = 1;
  else if (event.type === 'UserEnabled') set.disabled = 0;
  else return;
  await trx.updateTable(PEOPLE_TABLE).set(set).where('username', '=', username).where('position', '<', event.position).execute();
}

async function trackCustomer(event: StoredEvent, customerId: string, trx: Kysely<any>): Promise<void> {
  if (event.type === 'CustomerArchiveOpened') {
    const data = event.data as CustomerArchiveOpened;
    const row = { customer_id: customerId, manager_id: data.customerManagerId, region: data.region, warehouses: '[]', position: event.position };
    await trx.insertInto(CUSTOMER_ROUTES_TABLE).values(row).onConflict((oc) => oc.column('customer_id').doNothing()).execute();
  } else if (event.type === 'CustomerInformationChanged') {
    const { changes } = event.data as CustomerInformationChanged;
    const set: Record<string, unknown> = { position: event.position };
    if (typeof changes.customerManagerId?.after === 'string') set.manager_id = changes.customerManagerId.after;
    if (typeof changes.region?.after === 'string') set.region = changes.region.after;
    await trx.updateTable(CUSTOMER_ROUTES_TABLE).set(set).where('customer_id', '=', customerId).where('position', '<', event.position).execute();
  } else if (event.type === 'PickupRecorded') {
    await addWarehouse(trx, customerId, (event.data as PickupRecorded).warehouse);
  }
}

/** A set union, so applying the same pickup twice changes nothing. */
async function addWarehouse(trx: Kysely<any>, customerId: string, warehouse: string): Promise<void> {
  const row = await trx.selectFrom(CUSTOMER_ROUTES_TABLE).select('warehouses').where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) return;
  const warehouses = JSON.parse(row.warehouses as string) as string[];
  if (warehouses.includes(warehouse)) return;
  await trx.updateTable(CUSTOMER_ROUTES_TABLE).set({ warehouses: JSON.stringify([...warehouses, warehouse].sort()) }).where('customer_id', '=', customerId).execute();
}

async function trackPlantOffice(event: StoredEvent, trx: Kysely<any>): Promise<void> {
  if (event.type === 'PlantOfficeRemoved') {
    await trx.deleteFrom(PLANT_OFFICES_TABLE).where('office_id', '=', (event.data as PlantOfficeRemoved).officeId).where('position', '<', event.position).execute();
    return;
  }
  const data = event.data as PlantOfficeConfigured;
  const row = { warehouses: JSON.stringify(data.warehouses), regions: JSON.stringify(data.regions), position: event.position };
  await trx.insertInto(PLANT_OFFICES_TABLE).values({ office_id: data.officeId, ...row })
    .onConflict((oc) => oc.column('office_id').doUpdateSet(row).where(`${PLANT_OFFICES_TABLE}.position`, '<', event.position)).execute();
}
