import type { ApplicationForm } from '@crm/onboarding';

/**
 * The form as the inputs hold it: every field a string, so typing never fights the types.
 * `toForm` turns it into the API's ApplicationForm shape (the zod schema then judges it) and
 * `fromForm` fills the inputs from a stored application when it is amended.
 */
export interface ContactDraft { name: string; telephone: string; position: string; email: string }
export interface DocumentDraft { kind: string; number: string; validFrom: string; validUntil: string; fileName: string }
export interface ApplicationDraft {
  companyName: string;
  identifierKind: 'unified' | 'separate';
  creditCode: string;
  businessLicenceNo: string;
  taxRegistrationNo: string;
  organisationCode: string;
  bank: string;
  accountNumber: string;
  postalAddress: string;
  telephone: string;
  contacts: ContactDraft[];
  productLine: string;
  salesObject: string;
  /** '' means no sales form (other chemicals) */
  salesForm: string;
  region: string;
  customerManagerId: string;
  documents: DocumentDraft[];
}

export const emptyContact = (): ContactDraft => ({ name: '', telephone: '', position: '', email: '' });
export const emptyDocument = (kind = 'business_licence'): DocumentDraft => ({ kind, number: '', validFrom: '', validUntil: '', fileName: '' });

export function emptyDraft(customerManagerId: string): ApplicationDraft {
  return {
    companyName: '', identifierKind: 'unified', creditCode: '', businessLicenceNo: '', taxRegistrationNo: '', organisationCode: '',
    bank: '', accountNumber: '', postalAddress: '', telephone: '', contacts: [emptyContact()],
    productLine: 'polyolefin', salesObject: 'distributor', salesForm: 'online_auction', region: '', customerManagerId,
    documents: [emptyDocument()],
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The body the API takes (before zod): optional fields left out when empty. */
export function toForm(d: ApplicationDraft): unknown {
  const identifiers =
    d.identifierKind === 'unified'
      ? { kind: 'unified', creditCode: d.creditCode }
      : { kind: 'separate', businessLicenceNo: d.businessLicenceNo, taxRegistrationNo: d.taxRegistrationNo, organisationCode: d.organisationCode };
  return {
    companyName: d.companyName,
    identifiers,
    invoicing: { bank: d.bank, accountNumber: d.accountNumber, postalAddress: d.postalAddress, telephone: d.telephone },
    contacts: d.contacts.map((c) => ({ name: c.name, telephone: c.telephone, position: optional(c.position), email: optional(c.email) })),
    productLine: d.productLine,
    customerClass: { salesObject: d.salesObject, salesForm: d.salesForm || null },
    region: d.region,
    customerManagerId: d.customerManagerId,
    documents: d.documents.map((doc) => ({ kind: doc.kind, number: doc.number, validFrom: doc.validFrom, validUntil: doc.validUntil, fileName: optional(doc.fileName) })),
  };
}

export function fromForm(f: ApplicationForm): ApplicationDraft {
  const ids = f.identifiers;
  return {
    companyName: f.companyName,
    identifierKind: ids.kind,
    creditCode: ids.kind === 'unified' ? ids.creditCode : '',
    businessLicenceNo: ids.kind === 'separate' ? ids.businessLicenceNo : '',
    taxRegistrationNo: ids.kind === 'separate' ? ids.taxRegistrationNo : '',
    organisationCode: ids.kind === 'separate' ? ids.organisationCode : '',
    ...f.invoicing,
    contacts: f.contacts.map((c) => ({ name: c.name, telephone: c.telephone, position: c.position ?? '', email: c.email ?? '' })),
    productLine: f.productLine,
    salesObject: f.customerClass.salesObject,
    salesForm: f.customerClass.salesForm ?? '',
    region: f.region,
    customerManagerId: f.customerManagerId,
    documents: f.documents.map((doc) => ({ kind: doc.kind, number: doc.number, validFrom: doc.validFrom, validUntil: doc.validUntil, fileName: doc.fileName ?? '' })),
  };
}
