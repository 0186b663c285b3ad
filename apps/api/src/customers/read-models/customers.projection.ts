import type {
  CustomerArchiveOpened, CustomerDisqualified, CustomerGradeChanged, CustomerIdentityChanged, CustomerInformationChanged, CustomerSuspended,
  DisqualificationProposed, IdentityChangeRejected, IdentityChangeRequested,
} from '@crm/customers';
import type { StoredEvent } from '@crm/event-store';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { Kysely } from 'kysely';
import { CompanyIdentifiers, identityKeyOf } from '@crm/onboarding';
import { ensureColumns } from '../../read-models/ensure-columns';
import { alreadyApplied, bigint, customerIdOf, data, isCustomerEvent } from './projection-support';

export const CUSTOMERS_TABLE = 'customers';

/** The customer list and the head of the detail page: who, class, grade, manager, status. */
export const customersProjection: Projection = {
  name: 'customers',
  // v2: the company's identity key, so a company's registrations per product line are found together (R-TIER-1)
  // v3: the latest identity change (R-ARC-1, ADR 0024): requested and waiting, or how it was decided
  version: 3,
  eventTypes: [
    'CustomerArchiveOpened', 'CustomerInformationChanged', 'CustomerGradeChanged', 'CustomerSuspended', 'CustomerReinstated',
    'DisqualificationProposed', 'DisqualificationRejected', 'CustomerDisqualified', 'CustomerIdentityChanged',
    'IdentityChangeRequested', 'IdentityChangeRejected',
  ],
  tables: [{ name: CUSTOMERS_TABLE, orderBy: 'customer_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    await db.schema
      .createTable(CUSTOMERS_TABLE)
      .ifNotExists()
      .addColumn('customer_id', 'text', (c) => c.primaryKey())
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('product_line', 'text', (c) => c.notNull())
      .addColumn('sales_object', 'text', (c) => c.notNull())
      .addColumn('sales_form', 'text')
      .addColumn('grade', 'text')
      .addColumn('customer_manager_id', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('suspended_since', 'text')
      .addColumn('disqualified_at', 'text')
      .addColumn('disqualification', 'text')
      .addColumn('pending_disqualification', 'text')
      .addColumn('identifiers', 'text', (c) => c.notNull())
      .addColumn('invoicing', 'text', (c) => c.notNull())
      .addColumn('contacts', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_position', bigint(dialect), (c) => c.notNull())
      .execute();
    await ensureColumns(db, CUSTOMERS_TABLE, [['identity_key', 'text'], ['identity_change', 'text']]);
    for (const column of ['customer_manager_id', 'grade', 'region', 'status', 'identity_key']) {
      await db.schema.createIndex(`customers_${column}`).ifNotExists().on(CUSTOMERS_TABLE).column(column).execute();
    }
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(CUSTOMERS_TABLE).execute();
  },
  async apply(event: StoredEvent, trx: Kysely<any>) {
    if (!isCustomerEvent(event) || !customersProjection.eventTypes?.includes(event.type)) return;
    const customerId = customerIdOf(event);
    if (event.type === 'CustomerArchiveOpened') {
      await trx.insertInto(CUSTOMERS_TABLE).values(openedRow(event)).onConflict((oc) => oc.column('customer_id').doNothing()).execute();
      return;
    }
    const row = await trx.selectFrom(CUSTOMERS_TABLE).select(['last_position', 'identity_change']).where('customer_id', '=', customerId).executeTakeFirst();
    if (!row || alreadyApplied(row, event)) return;
    const patch = patchOf(event, row);
    await trx
      .updateTable(CUSTOMERS_TABLE)
      .set({ ...patch, updated_at: event.metadata.occurredAt, last_position: event.position })
      .where('customer_id', '=', customerId)
      .execute();
  },
};

/** The onboarding identity key of an archive's identifiers; null for identifiers onboarding never issued (imports, tests). */
export function companyKeyOf(identifiers: Record<string, string>): string | null {
  const parsed = CompanyIdentifiers.safeParse(identifiers);
  return parsed.success ? identityKeyOf(parsed.data) : null;
}

function openedRow(event: StoredEvent) {
  const d = data<CustomerArchiveOpened>(event);
  return {
    customer_id: customerIdOf(event),
    application_id: d.applicationId,
    name: d.name,
    identity_key: companyKeyOf(d.identifiers),
    product_line: d.productLine,
    sales_object: d.class.salesObject,
    sales_form: d.class.salesForm,
    grade: d.grade,
    customer_manager_id: d.customerManagerId,
    region: d.region,
    status: 'active',
    identifiers: JSON.stringify(d.identifiers),
    invoicing: JSON.stringify(d.invoicing),
    contacts: JSON.stringify(d.contacts),
    opened_at: d.openedAt,
    updated_at: d.openedAt,
    last_position: event.position,
  };
}

function patchOf(event: StoredEvent, row: { identity_change?: string | null }): Record<string, unknown> {
  const request = (): Record<string, unknown> => (row.identity_change ? JSON.parse(row.identity_change) : {});
  switch (event.type) {
    case 'CustomerInformationChanged':
      return informationPatch(data<CustomerInformationChanged>(event));
    case 'IdentityChangeRequested': {
      const { notify: _n, ...requested } = data<IdentityChangeRequested>(event);
      return { identity_change: JSON.stringify({ ...requested, status: 'pending' }) };
    }
    case 'IdentityChangeRejected': {
      const d = data<IdentityChangeRejected>(event);
      return { identity_change: JSON.stringify({ ...request(), status: 'rejected', comment: d.comment, decidedBy: d.rejectedBy, decidedAt: d.rejectedAt }) };
    }
    case 'CustomerIdentityChanged': {
      const d = data<CustomerIdentityChanged>(event);
      const { notify: _n, identityKey: _k, approvedBy, approvedAt, ...approved } = d;
      const decided = { ...request(), ...approved, status: 'approved', decidedBy: approvedBy, decidedAt: approvedAt };
      return { ...identityPatch(d), identity_change: JSON.stringify(decided) };
    }
    case 'CustomerGradeChanged':
      return { grade: data<CustomerGradeChanged>(event).newGrade };
    case 'CustomerSuspended':
      return { status: 'suspended', suspended_since: data<CustomerSuspended>(event).suspendedAt };
    case 'CustomerReinstated':
      return { status: 'active', suspended_since: null };
    case 'DisqualificationProposed':
      return { pending_disqualification: JSON.stringify(data<DisqualificationProposed>(event)) };
    case 'DisqualificationRejected':
      return { pending_disqualification: null };
    case 'CustomerDisqualified': {
      const d = data<CustomerDisqualified>(event);
      return { status: 'disqualified', disqualified_at: d.approvedAt, pending_disqualification: null, disqualification: JSON.stringify(d) };
    }
    default:
      return {};
  }
}

/** R-ARC-1 (ADR 0024): the name, the identifiers and the company key they give, as approved. */
function identityPatch(d: CustomerIdentityChanged): Record<string, unknown> {
  const { name, identifiers } = d.changes;
  return {
    ...(name ? { name: name.after } : {}),
    ...(identifiers ? { identifiers: JSON.stringify(identifiers.after), identity_key: companyKeyOf(identifiers.after) } : {}),
  };
}

function informationPatch(d: CustomerInformationChanged): Record<string, unknown> {
  const after = (field: keyof CustomerInformationChanged['changes']) => d.changes[field]?.after as any;
  const patch: Record<string, unknown> = {};
  if (d.changes.contacts) patch.contacts = JSON.stringify(after('contacts'));
  if (d.changes.invoicing) patch.invoicing = JSON.stringify(after('invoicing'));
  if (d.changes.customerManagerId) patch.customer_manager_id = after('customerManagerId');
  if (d.changes.region) patch.region = after('region');
  if (d.changes.class) {
    patch.sales_object = after('class').salesObject;
    patch.sales_form = after('class').salesForm;
  }
  return patch;
}
