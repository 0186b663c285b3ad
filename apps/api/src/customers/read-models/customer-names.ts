import type { ReadModelDb } from '@crm/engine';
import { CUSTOMERS_TABLE } from './customers.projection';

/**
 * Company names for rows that carry only a customer id, in one query: lists read names, not
 * `cust-…` ids (issue 16). An id the customers read model does not know has no entry.
 */
export async function customerNames(readModels: ReadModelDb, customerIds: Iterable<string | null>): Promise<Map<string, string>> {
  const ids = [...new Set(customerIds)].filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  const rows = await readModels.db.selectFrom(CUSTOMERS_TABLE).select(['customer_id', 'name']).where('customer_id', 'in', ids).execute();
  return new Map(rows.map((r) => [String(r.customer_id), String(r.name)]));
}

/** Each row with its company's name (null when unknown). */
export async function withCustomerNames<T extends { customerId: string | null }>(readModels: ReadModelDb, rows: readonly T[]): Promise<Array<T & { customerName: string | null }>> {
  const names = await customerNames(readModels, rows.map((r) => r.customerId));
  return rows.map((r) => ({ ...r, customerName: (r.customerId !== null && names.get(r.customerId)) || null }));
}
