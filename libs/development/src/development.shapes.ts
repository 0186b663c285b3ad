import { isValidCreditCode } from '@crm/onboarding';
import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';

/** Building blocks shared by the prospect and development-plan commands and events. */
export const EntityId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9:_.-]+$/, 'letters, digits and : _ . - only');
export type EntityId = z.infer<typeof EntityId>;

/** ISO 8601 instant with a zone. */
export const Instant = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
/** R-DEV-2: plans are set per quarter. */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter as YYYY-Q1..Q4');

/** Free text (names, remarks, reasons …): no control, bidi-override or zero-width characters. */
export const text = freeText;

/**
 * R-DEV-1: what is known of the prospect's identifiers; a credit code, when given, must pass the
 * same GB 32100 check onboarding applies (R-ONB-1), so a converted prospect carries a usable one.
 */
export const ProspectIdentifiers = z.strictObject({
  creditCode: z.string().trim().refine(isValidCreditCode, 'R-DEV-1: not a valid unified social credit code (GB 32100-2015 check character)').optional(),
  legalRepresentative: text(100).optional(),
});
export type ProspectIdentifiers = z.infer<typeof ProspectIdentifiers>;

/** How the manager came to know the prospect (第五条: 市场摸底、市场调研和走访). */
export const ProspectSource = z.enum(['market_survey', 'visit', 'referral', 'exhibition', 'inbound', 'other']);
export type ProspectSource = z.infer<typeof ProspectSource>;

export const Tonnes = z.number().positive().max(10_000_000);
export const Yuan = z.number().nonnegative().max(1_000_000_000);
