import { companyCodeOf, type Identifiers } from '@crm/customers';
import type { ReadModelDb } from '@crm/engine';
import { CUSTOMERS_TABLE } from './customers.projection';

export interface CompanyName {
  name: string;
  creditCode: string | null;
}

/**
 * Companies' names and codes for rows that carry only a customer id, in one query: lists read
 * names, not `cust-…` ids (issue 16). `managerId` keeps a customer manager to their own (R-KAM-2).
 * An id the customers read model does not know (or may not show) has no entry.
 */
export async function companyNames(readModels: ReadModelDb, customerIds: Iterable<string | null>, managerId?: string): Promise<Map<string, CompanyName>> {
  const ids = [...new Set(customerIds)].filter((id): id is string => id !== null);
  if (ids.length === 0) return new Map();
  let q = readModels.db.selectFrom(CUSTOMERS_TABLE).select(['customer_id', 'name', 'identifiers']).where('customer_id', 'in', ids);
  if (managerId !== undefined) q = q.where('customer_manager_id', '=', managerId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [String(r.customer_id), { name: String(r.name), creditCode: companyCodeOf(JSON.parse(String(r.identifiers)) as Identifiers) }]));
}

/** Each row with its company's name (null when unknown). */
export async function withCustomerNames<T extends { customerId: string | null }>(readModels: ReadModelDb, rows: readonly T[]): Promise<Array<T & { customerName: string | null }>> {
  const names = await companyNames(readModels, rows.map((r) => r.customerId));
  return rows.map((r) => ({ ...r, customerName: (r.customerId !== null && names.get(r.customerId)?.name) || null }));
}
