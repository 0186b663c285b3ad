import { z } from 'zod';
import { Id } from './customer.shapes';
import { PARENT_CHEMICALS_SALES } from './archive-filing.events';

const Instant = z.iso.datetime({ offset: true });

/**
 * R-ARC-3 "定期": the text names no period, so a check names its own: a year (2026), a half (2026-H2),
 * a quarter (2026-Q4) or a month (2026-11) (ADR 0024).
 */
export const CHECK_PERIOD = /^20\d\d(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;
export const CheckPeriod = z.string().regex(CHECK_PERIOD, 'expected a period: 2026, 2026-H2, 2026-Q4 or 2026-11');

export const CheckFinding = z.object({ findingId: Id, customerId: Id.nullable(), description: z.string().min(1).max(2000) });
export type CheckFinding = z.infer<typeof CheckFinding>;
export const FindingResponse = z.object({ findingId: Id, response: z.string().min(1).max(2000) });
export type FindingResponse = z.infer<typeof FindingResponse>;

/** R-ARC-3 "定期对客户档案、客户管理进行检查": the parent's checker records what was checked and found. */
export const ArchiveCheckRecorded = z.object({
  checkId: Id, period: CheckPeriod, scope: z.string().min(1).max(2000), customerIds: z.array(Id).max(500), findings: z.array(CheckFinding).max(100),
  checkerId: Id, recordedAt: Instant, notify: z.array(z.literal('sales')),
});
export type ArchiveCheckRecorded = z.infer<typeof ArchiveCheckRecorded>;

/** The sales department (which keeps the archives) answers every finding. */
export const ArchiveCheckResponded = z.object({
  checkId: Id, period: CheckPeriod, responses: z.array(FindingResponse), respondedBy: Id, respondedAt: Instant, notifyUsers: z.array(Id),
});
export type ArchiveCheckResponded = z.infer<typeof ArchiveCheckResponded>;

/** The checker closes the check; a check without findings closes as it is recorded. */
export const ArchiveCheckClosed = z.object({
  checkId: Id, period: CheckPeriod, conclusion: z.string().min(1).max(2000), closedBy: Id, closedAt: Instant, notify: z.array(z.literal('sales')),
});
export type ArchiveCheckClosed = z.infer<typeof ArchiveCheckClosed>;

export const archiveCheckEventSchemas = { ArchiveCheckRecorded, ArchiveCheckResponded, ArchiveCheckClosed } as const;
type Schemas = typeof archiveCheckEventSchemas;
export type ArchiveCheckEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
export const CHECKER_ROLE = PARENT_CHEMICALS_SALES;
