import type { CustomerContext } from '@crm/customers';
import type { ProductLine } from '@crm/onboarding';

/**
 * R-TIER-1 / ADR 0020: the application for another product line of a customer company starts
 * from what its archive already holds — the company, its invoicing data, contacts, region and the
 * qualification documents on file with their scans — so nothing is typed twice. The class (and,
 * for other chemicals, the admission evidence) is the new registration's own: left to fill in.
 */
export function registrationFormOf(context: CustomerContext, productLine: ProductLine) {
  const live = Object.values(context.documents).filter((d) => !d.expired);
  return {
    companyName: context.name,
    identifiers: { ...context.identifiers },
    invoicing: { ...context.invoicing },
    contacts: context.contacts.map((c) => ({ ...c })),
    productLine,
    customerClass: null,
    region: context.region,
    customerManagerId: context.customerManagerId,
    documents: live.map((d) => ({ kind: d.kind, number: d.number, validFrom: d.validFrom, validUntil: d.validUntil, ...(d.file ? { file: { ...d.file } } : {}) })),
  };
}
