import { z } from 'zod';
import { Id } from './customer.shapes';

const Instant = z.iso.datetime({ offset: true });

/** R-ARC-3: what was filed with the parent (the archive event a filing reports). */
export const FilingKind = z.enum(['archive_opened', 'information_changed', 'document_renewed', 'document_added', 'identity_changed']);
export type FilingKind = z.infer<typeof FilingKind>;

/** The recipient group of 产品经销公司化工品销售部 (ADR 0024): the role of the same name. */
export const PARENT_CHEMICALS_SALES = 'parent_chemicals_sales' as const;

/**
 * R-ARC-3 "所有客户资料报产品经销公司化工品销售部备案": one filing per archive opening or change, keyed by
 * the archive event it reports, told to the parent's chemicals sales department.
 */
export const ArchiveFilingOpened = z.object({
  filingId: Id, customerId: Id, kind: FilingKind, sourceEventId: Id, sourceEventType: z.string().min(1).max(100),
  /** the archive fields the change touched (empty for an opening) */
  fields: z.array(z.string().min(1).max(100)).max(50),
  occurredAt: Instant, filedAt: Instant, notify: z.array(z.literal(PARENT_CHEMICALS_SALES)),
});
export type ArchiveFilingOpened = z.infer<typeof ArchiveFilingOpened>;

/** The department acknowledged the filing (备案确认): who and when. */
export const ArchiveFilingAcknowledged = z.object({
  filingId: Id, customerId: Id, comment: z.string().max(2000).nullable(), acknowledgedBy: Id, acknowledgedAt: Instant,
});
export type ArchiveFilingAcknowledged = z.infer<typeof ArchiveFilingAcknowledged>;

export const archiveFilingEventSchemas = { ArchiveFilingOpened, ArchiveFilingAcknowledged } as const;
type Schemas = typeof archiveFilingEventSchemas;
export type ArchiveFilingEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
