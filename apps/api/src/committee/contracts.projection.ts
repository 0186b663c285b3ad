import type { ContractEvent } from '@crm/commerce';
import type { Projection, ReadModelDialect } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import type { Kysely } from 'kysely';

export const CONTRACTS_TABLE = 'sales_contracts';
export const CONTRACTS_PROJECTION = 'sales_contracts';
const STATUS: Partial<Record<ContractEvent['type'], string>> = { ContractApproved: 'approved', ContractSigned: 'inForce', ContractExpired: 'expired', ContractTerminated: 'terminated' };

/** R-ARC-5: the sales contracts kept per customer and product line, with their term and standing. */
export const contractsProjection: Projection = {
  name: CONTRACTS_PROJECTION,
  version: 1,
  eventTypes: ['ContractDrafted', 'ContractApproved', 'ContractSigned', 'ContractExpiryWarned', 'ContractExpired', 'ContractTerminated'],
  tables: [{ name: CONTRACTS_TABLE, orderBy: 'contract_id' }],
  async migrate(db: Kysely<any>, dialect: ReadModelDialect) {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema.createTable(CONTRACTS_TABLE).ifNotExists()
      .addColumn('contract_id', 'text', (c) => c.primaryKey()).addColumn('customer_id', 'text', (c) => c.notNull()).addColumn('product_line_id', 'text', (c) => c.notNull())
      .addColumn('contract_no', 'text', (c) => c.notNull()).addColumn('valid_from', 'text', (c) => c.notNull()).addColumn('valid_until', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()).addColumn('warned', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('last_position', big, (c) => c.notNull()).execute();
    await db.schema.createIndex('sales_contracts_customer').ifNotExists().on(CONTRACTS_TABLE).columns(['customer_id', 'product_line_id']).execute();
  },
  async reset(trx: Kysely<any>) {
    await trx.deleteFrom(CONTRACTS_TABLE).execute();
  },
  async apply(stored: StoredEvent, trx: Kysely<any>) {
    const event = { type: stored.type, data: stored.data } as ContractEvent;
    const contractId = stored.streamId.slice('sales-contract-'.length);
    if (event.type === 'ContractDrafted') {
      const d = event.data;
      await trx.insertInto(CONTRACTS_TABLE).values({
        contract_id: contractId, customer_id: d.customerId, product_line_id: d.productLineId, contract_no: d.contractNo, valid_from: d.validFrom, valid_until: d.validUntil,
        status: 'drafted', last_position: stored.position,
      }).onConflict((oc) => oc.column('contract_id').doNothing()).execute();
      return;
    }
    const status = STATUS[event.type];
    const warned = event.type === 'ContractExpiryWarned' ? { warned: 1 } : {};
    await trx.updateTable(CONTRACTS_TABLE).set({ ...(status ? { status } : {}), ...warned, last_position: stored.position })
      .where('contract_id', '=', contractId).where('last_position', '<', stored.position).execute();
  },
};
