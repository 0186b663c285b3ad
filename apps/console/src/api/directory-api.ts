import { companyCodeOf, type Identifiers } from '@crm/customers';
import type { ApiClient } from './api-client';

/** A customer as a picker shows it: GET /customers?q= searches the name and (any part of) the codes. */
export interface CustomerChoice {
  customerId: string;
  name: string;
  identifiers?: Identifiers | null;
}

/** A colleague as GET /people answers: the person picker's search (ADR 0034). */
export interface PersonChoice {
  id: string;
  name: string;
  roles: string[];
}

export const directoryApi = {
  customers: (api: ApiClient, q: string, limit = 8) => api.get<{ items: CustomerChoice[] }>('/customers', { q: q || undefined, limit }).then((r) => r.items),
  customer: (api: ApiClient, id: string) => api.get<CustomerChoice>(`/customers/${encodeURIComponent(id)}`),
  people: (api: ApiClient, q: string, role?: string, limit = 8) => api.get<{ items: PersonChoice[] }>('/people', { q: q || undefined, role, limit }).then((r) => r.items),
};

/** The code people read a company by (`companyCodeOf`: either shape of identifiers an archive carries). */
export function companyCode(customer: CustomerChoice): string {
  return companyCodeOf(customer.identifiers) ?? '';
}
