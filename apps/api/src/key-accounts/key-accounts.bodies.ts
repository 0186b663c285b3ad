import { ProductLine } from '@crm/customers';
import { AllocationAdjustmentRequest, AllocationApprovalRequest, AllocationMonth, AllocationProposalRequest, AllocationReturnRequest } from '@crm/key-accounts';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';
import { SheetQuery } from '../spreadsheets/sheet-format';

export const Month = AllocationMonth;
const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5));
const Share = z.coerce.number().gt(0).lte(1);

/** R-KAM-1: a period of whole months (default: the 12 months before the current one) and the class thresholds. */
export const AbcQuery = z
  .strictObject({
    from: Month.optional(), to: Month.optional(), a: Share.default(0.8), b: Share.default(0.95), minPosition: MinPosition,
    /** R-TIER-1: one product line's registrations; all lines when absent */
    productLine: ProductLine.optional(),
  })
  .refine((q) => q.a <= q.b, { message: 'R-KAM-1: the A threshold must not exceed the B threshold', path: ['a'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'R-KAM-1: from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || monthsBetween(q.from, q.to) < 60, { message: 'R-KAM-1: at most 60 months', path: ['to'] });
export type AbcQuery = z.infer<typeof AbcQuery>;

export const EvaluationBody = z.strictObject({ month: Month });
export type EvaluationBody = z.infer<typeof EvaluationBody>;

export const WarningsQuery = z.strictObject({ month: Month.optional(), minPosition: MinPosition });
export type WarningsQuery = z.infer<typeof WarningsQuery>;

/** The allocation requests: the domain's schemas (in tonnes), which the console checks with too. */
export const ProposalBody = AllocationProposalRequest;
export type ProposalBody = AllocationProposalRequest;
export const AdjustAllocationBody = AllocationAdjustmentRequest;
export type AdjustAllocationBody = AllocationAdjustmentRequest;
export const ApproveAllocationBody = AllocationApprovalRequest;
export type ApproveAllocationBody = z.infer<typeof ApproveAllocationBody>;
export const ReturnAllocationBody = AllocationReturnRequest;
export type ReturnAllocationBody = z.infer<typeof ReturnAllocationBody>;
export const MonthParam = Month;
export const ProductLineParam = ProductLine;

/** R-EVAL-2: a quarter (2026-Q2), a half-year (2026-H1) or a year (2026). */
export const ReviewQuery = z.strictObject({
  period: z.string().regex(/^20\d{2}(-Q[1-4]|-H[12])?$/, "R-EVAL-2: a period 'YYYY', 'YYYY-H1|H2' or 'YYYY-Q1..Q4'"),
  minPosition: MinPosition,
  ...SheetQuery,
});
export type ReviewQuery = z.infer<typeof ReviewQuery>;

/** The months of a review period, first and last. */
export function periodMonths(period: string): { from: string; to: string } {
  const year = period.slice(0, 4);
  const pad = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  if (period.length === 4) return { from: pad(1), to: pad(12) };
  const n = Number(period.slice(6));
  return period[5] === 'Q' ? { from: pad(n * 3 - 2), to: pad(n * 3) } : { from: pad(n * 6 - 5), to: pad(n * 6) };
}
