import { FileReference, freeText, safeText } from '@crm/workflow-kit';
import { z } from 'zod';
import { isCalendarDate, ISO_MONTH } from './shanghai-time';

/** Shapes shared by commands and events; deliberately permissive where onboarding already checked. */
export const IsoDate = z.string().refine(isCalendarDate, 'expected a calendar date YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;
// bounded: month arithmetic (addMonths, endOfShanghaiMonth) breaks on years 0000-0999 and past 9999-12 (issue 10 fuzz: 500s)
export const IsoMonth = z.string().regex(ISO_MONTH, 'expected a month YYYY-MM').refine((m) => m >= '2000-01' && m <= '2099-12', 'expected a month between 2000-01 and 2099-12');
export type IsoMonth = z.infer<typeof IsoMonth>;
export const Id = freeText(100);

export const ProductLine = z.enum(['polyolefin', 'other_chemicals']);
export type ProductLine = z.infer<typeof ProductLine>;
/** R-TIER-1 (polyolefin: direct | distributor) and R-TIER-5 (other chemicals: all three). */
export const SalesObject = z.enum(['direct', 'exclusive_agent', 'distributor']);
export type SalesObject = z.infer<typeof SalesObject>;
export const SalesForm = z.enum(['online_auction', 'planned']);
export type SalesForm = z.infer<typeof SalesForm>;
export const CustomerClass = z.object({ salesObject: SalesObject, salesForm: SalesForm.nullable() });
export type CustomerClass = z.infer<typeof CustomerClass>;

/** Unified social credit code or the older separate numbers (R-ONB-1): onboarding validated them. */
export const Identifiers = z.record(z.string(), safeText(z.string().max(200)));
export type Identifiers = z.infer<typeof Identifiers>;
export const Invoicing = z.record(z.string(), safeText(z.string().max(500)));
export type Invoicing = z.infer<typeof Invoicing>;
export const Contact = z.record(z.string(), safeText(z.string().max(200)));
export type Contact = z.infer<typeof Contact>;

export const QualificationDocument = z.object({
  documentId: Id,
  kind: freeText(100),
  number: freeText(100),
  validFrom: IsoDate,
  validUntil: IsoDate,
  /** the scan on file (ADR 0018); absent on documents filed before files were kept */
  file: FileReference.optional(),
});
export type QualificationDocument = z.infer<typeof QualificationDocument>;

/** R-TIER-6 admission criteria for other chemical products, by sales object. */
export const AdmissionCriterion = z.enum([
  'producer_of_scale',
  'good_funds_and_credit',
  'sound_operation',
  'honest',
  'well_funded',
  'good_reputation',
  'sells_only_group_products',
]);
export type AdmissionCriterion = z.infer<typeof AdmissionCriterion>;
export const Admission = z.object({
  checkedBy: Id,
  attestations: z.array(z.object({ criterion: AdmissionCriterion, evidence: freeText(2000) })).max(20),
});
export type Admission = z.infer<typeof Admission>;

export const PickupWindow = z.object({ from: IsoDate, to: IsoDate });
export type PickupWindow = z.infer<typeof PickupWindow>;
export const SalesPlanLine = z.object({
  customer: freeText(200),
  quantity: z.number().positive().max(100_000),
  pickupWindow: PickupWindow,
});
export type SalesPlanLine = z.infer<typeof SalesPlanLine>;

export const DisqualificationReason = z.enum(['false_information', 'fraud_or_bad_faith', 'economic_loss_or_reputation', 'under_investigation']);
export type DisqualificationReason = z.infer<typeof DisqualificationReason>;
export const Evidence = z.array(freeText(2000)).min(1).max(50);

/** Who an outbox projection must tell (R-ONB-4, R-ARC-2; warnings go to the customer manager). */
export const NotifyTarget = z.enum(['finance', 'plant_offices', 'customer_manager']);
export type NotifyTarget = z.infer<typeof NotifyTarget>;
export const ARCHIVE_RECIPIENTS: NotifyTarget[] = ['finance', 'plant_offices'];

/** A single pickup is a truck, rail or barge load; anything above this is a typing error. */
export const MAX_PICKUP_TONNES = 5000;
export const Tonnes = z.number().positive().max(MAX_PICKUP_TONNES);
