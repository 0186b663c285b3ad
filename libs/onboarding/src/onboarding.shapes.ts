import { FileReference, freeText } from '@crm/workflow-kit';
import { z } from 'zod';
import {
  isValidBusinessLicenceNo, isValidCreditCode, isValidOrganisationCode, isValidTaxRegistrationNo,
} from './credit-code';

/** Pieces of the account-opening form (客户开户审批表) shared by commands and events. */
export const EntityId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9:_.-]+$/, 'letters, digits and : _ . - only');
export type EntityId = z.infer<typeof EntityId>;
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** Free text (names, remarks, reasons …): no control, bidi-override or zero-width characters. */
const text = freeText;

/** At least one Chinese character; brackets, middle dot, Latin letters and digits occur in real names. */
export const CompanyName = text(100).regex(
  /^(?=.*[\u4e00-\u9fff])[\u4e00-\u9fff（）()·A-Za-z0-9 ]+$/,
  'R-ONB-1: the company name is written in Chinese as on the business licence',
);
export type CompanyName = z.infer<typeof CompanyName>;

const code = z.string().trim().toUpperCase();

export const UnifiedIdentifiers = z.object({
  kind: z.literal('unified'),
  creditCode: code.refine(isValidCreditCode, 'R-ONB-1: not a valid Unified Social Credit Code (GB 32100-2015: 18 characters with a check character)'),
});
export type UnifiedIdentifiers = z.infer<typeof UnifiedIdentifiers>;

export const SeparateIdentifiers = z.object({
  kind: z.literal('separate'),
  businessLicenceNo: code.refine(isValidBusinessLicenceNo, 'R-ONB-1: not a valid business licence registration number (15 digits with a check digit)'),
  taxRegistrationNo: code.refine(isValidTaxRegistrationNo, 'R-ONB-1: not a valid tax registration number (division code + organisation code)'),
  organisationCode: code
    .overwrite((v) => v.replace(/-/g, ''))
    .refine(isValidOrganisationCode, 'R-ONB-1: not a valid organisation code (GB 11714: 8 characters and a check character)'),
});
export type SeparateIdentifiers = z.infer<typeof SeparateIdentifiers>;

/** R-ONB-1: the form accepts the unified code and the older separate numbers. */
export const CompanyIdentifiers = z.discriminatedUnion('kind', [UnifiedIdentifiers, SeparateIdentifiers]);
export type CompanyIdentifiers = z.infer<typeof CompanyIdentifiers>;

export const Telephone = z.string().trim().regex(/^\+?[0-9][0-9 ()-]{5,23}$/, 'R-ONB-1: a telephone number of digits, spaces, brackets and hyphens');

/** R-ONB-1 开票资料: bank, account number, postal address, telephone. */
export const InvoicingData = z.object({
  bank: text(100),
  accountNumber: z.string().trim().regex(/^[0-9][0-9 -]{5,38}[0-9]$/, 'R-ONB-1: a bank account number of digits'),
  postalAddress: text(200),
  telephone: Telephone,
});
export type InvoicingData = z.infer<typeof InvoicingData>;

export const Contact = z.object({
  name: text(50),
  telephone: Telephone,
  position: text(50).optional(),
  email: z.email().max(254).optional(),
});
export type Contact = z.infer<typeof Contact>;

export const ProductLine = z.enum(['polyolefin', 'other_chemicals']);
export type ProductLine = z.infer<typeof ProductLine>;
export const SalesObject = z.enum(['distributor', 'direct', 'exclusive_agent']);
export type SalesObject = z.infer<typeof SalesObject>;
export const SalesForm = z.enum(['online_auction', 'planned']);
export type SalesForm = z.infer<typeof SalesForm>;

/** R-TIER-1 (polyolefin) and R-TIER-5 (other chemicals); the pairing is checked on the whole form. */
export const CustomerClass = z.object({ salesObject: SalesObject, salesForm: SalesForm.nullable() });
export type CustomerClass = z.infer<typeof CustomerClass>;

export const DocumentKind = z.enum(['business_licence', 'tax_registration', 'organisation_code', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const QualificationDocument = z
  .object({
    kind: DocumentKind,
    number: text(64),
    validFrom: IsoDate,
    validUntil: IsoDate,
    fileName: text(200).optional(),
    /** the scan itself (ADR 0018): uploaded first (POST /files), named here by its sha-256 */
    file: FileReference.optional(),
  })
  .refine((d) => d.validFrom <= d.validUntil, { message: 'R-ONB-2: validFrom must not be after validUntil', path: ['validUntil'] });
export type QualificationDocument = z.infer<typeof QualificationDocument>;

export const ReviewStep = z.enum(['sales', 'finance', 'generalManager']);
export type ReviewStep = z.infer<typeof ReviewStep>;
