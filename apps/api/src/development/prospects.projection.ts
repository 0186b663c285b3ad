import type { ProspectEventType } from '@crm/development';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const PROSPECTS_TABLE = 'dev_prospects';
export const PROSPECTS_PROJECTION = 'dev_prospects';

type Data = Record<string, any>;
const COLUMN: Record<string, string> = {
  companyName: 'company_name', identifiers: 'identifiers', region: 'region', productsOfInterest: 'products',
  estimatedTonnesPerYear: 'estimated_tonnes', source: 'source', notes: 'notes',
};
const JSON_FIELDS = new Set(['identifiers', 'productsOfInterest']);
const columnValue = (field: string, value: unknown) => (JSON_FIELDS.has(field) ? JSON.stringify(value) : value);

/** How an event after registration changes the row (absolute values, applied once thanks to last_position). */
function change(type: ProspectEventType, d: Data): Record<string, unknown> | null {
  switch (type) {
    case 'ProspectUpdated':
      return { ...Object.fromEntries(Object.entries(d.changes as Record<string, { after: unknown }>).map(([f, c]) => [COLUMN[f], columnValue(f, c.after)])), updated_at: d.at };
    case 'ProspectConverted':
      return { status: 'converted', application_id: d.applicationId, updated_at: d.at };
    case 'ProspectDropped':
      return { status: 'dropped', drop_reason: d.reason, updated_at: d.at };
    default:
      return null;
  }
}

const idOf = (event: StoredEvent) => event.streamId.slice('prospect-'.length);

/** R-DEV-1: one row per prospect archive, for each manager's list and the sales department's picks. */
export const prospectsProjection: Projection = {
  name: PROSPECTS_PROJECTION,
  version: 1,
  eventTypes: ['ProspectRegistered', 'ProspectUpdated', 'ProspectConverted', 'ProspectDropped'],
  tables: [{ name: PROSPECTS_TABLE, orderBy: 'prospect_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable(PROSPECTS_TABLE)
      .ifNotExists()
      .addColumn('prospect_id', 'text', (c) => c.primaryKey())
      .addColumn('company_name', 'text', (c) => c.notNull())
      .addColumn('identifiers', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('products', 'text', (c) => c.notNull())
      .addColumn('estimated_tonnes', 'real')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('customer_manager_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('application_id', 'text')
      .addColumn('drop_reason', 'text')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_position', big, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dev_prospects_manager').ifNotExists().on(PROSPECTS_TABLE).columns(['customer_manager_id', 'status']).execute();
    await db.schema.createIndex('dev_prospects_region').ifNotExists().on(PROSPECTS_TABLE).columns(['region', 'status']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(PROSPECTS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    const d = event.data as Data;
    if (event.type === 'ProspectRegistered') {
      await trx
        .insertInto(PROSPECTS_TABLE)
        .values({
          prospect_id: idOf(event), company_name: d.companyName, identifiers: JSON.stringify(d.identifiers), region: d.region,
          products: JSON.stringify(d.productsOfInterest), estimated_tonnes: d.estimatedTonnesPerYear, source: d.source, notes: d.notes,
          customer_manager_id: d.customerManagerId, status: 'active', registered_at: d.at, updated_at: d.at, last_position: event.position,
        })
        .onConflict((oc) => oc.column('prospect_id').doNothing())
        .execute();
      return;
    }
    const row = await trx.selectFrom(PROSPECTS_TABLE).select('last_position').where('prospect_id', '=', idOf(event)).executeTakeFirst();
    if (!row || Number(row.last_position) >= event.position) return; // replayed: already in the row
    const set = change(event.type as ProspectEventType, d);
    if (set) await trx.updateTable(PROSPECTS_TABLE).set({ ...set, last_position: event.position }).where('prospect_id', '=', idOf(event)).execute();
  },
};

/** The row as the API answers it. */
export function prospectRowOf(r: Record<string, any>) {
  return {
    prospectId: r.prospect_id as string,
    companyName: r.company_name as string,
    identifiers: JSON.parse(r.identifiers) as Record<string, string>,
    region: r.region as string,
    productsOfInterest: JSON.parse(r.products) as string[],
    estimatedTonnesPerYear: r.estimated_tonnes === null ? null : Number(r.estimated_tonnes),
    source: r.source as string,
    notes: r.notes as string | null,
    customerManagerId: r.customer_manager_id as string,
    status: r.status as string,
    applicationId: r.application_id as string | null,
    dropReason: r.drop_reason as string | null,
    registeredAt: r.registered_at as string,
    updatedAt: r.updated_at as string,
    position: Number(r.last_position),
  };
}
