import { ProductLine } from '@crm/customers';
import { freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { MinPosition } from '../read-models/read-your-writes';
import { SheetQuery } from '../spreadsheets/sheet-format';

const MONTH = /^(20\d{2})-(0[1-9]|1[0-2])$/;
export const Month = z.string().regex(MONTH, "a month 'YYYY-MM' between 2000-01 and 2099-12");
const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5));
/** Tonnes as the sales department types them: up to three decimals (kilograms). */
const Tonnes = (max: number) =>
  z.number().min(0).max(max).refine((t) => Math.abs(t * 1000 - Math.round(t * 1000)) < 1e-6, 'at most three decimals (kilograms)');
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

export const AllocationRequest = z.strictObject({ customerId: freeText(100), tonnes: Tonnes(1_000_000) });
export const ProposalBody = z.strictObject({
  /** R-ALLOC-2: the production plan's volume for the month */
  availableTonnes: Tonnes(10_000_000),
  /** demands of direct customers and distributors; agents' demand is their filed sales plan (R-TIER-7) */
  requests: z
    .array(AllocationRequest)
    .max(5000)
    .refine((rs) => new Set(rs.map((r) => r.customerId)).size === rs.length, 'R-ALLOC-2: one request per customer'),
  /** R-ALLOC-3 配合度: the sales department's 0..1 score of each exclusive agent's cooperation this month */
  cooperation: z
    .array(z.strictObject({ customerId: freeText(100), score: z.number().min(0).max(1) }))
    .max(5000)
    .default([])
    .refine((cs) => new Set(cs.map((c) => c.customerId)).size === cs.length, 'R-ALLOC-3: one cooperation score per agent'),
  note: optionalText(2000).nullable().default(null),
});
export type ProposalBody = z.infer<typeof ProposalBody>;
/** R-ALLOC-2: a manual change to one line of the proposal under review, with its reason */
export const AdjustAllocationBody = z.strictObject({ round: z.number().int().min(1), customerId: freeText(100), tonnes: Tonnes(1_000_000), reason: freeText(2000) });
export type AdjustAllocationBody = z.infer<typeof AdjustAllocationBody>;
export const ApproveAllocationBody = z.strictObject({ round: z.number().int().min(1), comment: optionalText(2000).nullable().default(null) });
export type ApproveAllocationBody = z.infer<typeof ApproveAllocationBody>;
export const ReturnAllocationBody = z.strictObject({ round: z.number().int().min(1), reason: freeText(2000) });
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
