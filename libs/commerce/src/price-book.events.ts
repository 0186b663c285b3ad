import { z } from 'zod';
import { EntityId, Instant, PriceFen, ProductLineId } from './commerce.shapes';

/**
 * R-PRICE-1 审批产品价格调整方案: a price comes into the book only from a proposal the committee (or,
 * beyond its authority, the group) approved; the decision it comes from is named with it.
 */
export const PriceSet = z.object({
  productLineId: ProductLineId, warehouseId: EntityId, priceFen: PriceFen, effectiveFrom: Instant,
  proposalId: EntityId, decidedBy: z.enum(['committee', 'group']), decidedAt: Instant,
});
export type PriceSet = z.infer<typeof PriceSet>;

export const priceBookEventSchemas = { PriceSet } as const;
export type PriceBookEvent = { type: 'PriceSet'; data: PriceSet };
