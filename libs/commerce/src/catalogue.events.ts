import { z } from 'zod';
import { EntityId, Instant, ProductLineId } from './commerce.shapes';

const Name = z.string().trim().min(1).max(100);

export const ProductLineDefined = z.object({ productLineId: ProductLineId, nameZh: Name, name: Name, by: EntityId, at: Instant });
/** R-PRIN-4 提货地点以公司指定库位为准: a warehouse the company designates, for the product lines it serves. */
export const WarehouseDesignated = z.object({
  warehouseId: EntityId, nameZh: Name, productLines: z.array(ProductLineId).min(1).max(20), address: z.string().max(200).nullable(), by: EntityId, at: Instant,
});
export const WarehouseWithdrawn = z.object({ warehouseId: EntityId, reason: z.string().min(1).max(2000), by: EntityId, at: Instant });

export const catalogueEventSchemas = { ProductLineDefined, WarehouseDesignated, WarehouseWithdrawn } as const;
type Schemas = typeof catalogueEventSchemas;
export type CatalogueEvent = { [K in keyof Schemas]: { type: K; data: z.infer<Schemas[K]> } }[keyof Schemas];
