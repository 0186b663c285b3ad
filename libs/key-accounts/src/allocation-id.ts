import type { ProductLine } from '@crm/customers';

/** A product line's allocation of a month: `polyolefin-2026-07`. */
export const allocationIdOf = (productLine: ProductLine, month: string): string => `${productLine}-${month}`;

/** The month and product line a stream id names; `2026-07` alone is a month's pooled allocation from before product lines. */
export function parseAllocationId(id: string): { productLine: string | null; month: string } | null {
  const match = /^(?:([a-z_]+)-)?(\d{4}-\d{2})$/.exec(id);
  return match ? { productLine: match[1] ?? null, month: match[2] } : null;
}
