import { type Command, freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';
import { EntityId, ProductLineId } from './commerce.shapes';

export const DefineProductLine = z.object({ productLineId: ProductLineId, nameZh: freeText(100), name: freeText(100) });
export type DefineProductLine = z.infer<typeof DefineProductLine>;
export const DesignateWarehouse = z.object({
  warehouseId: EntityId, nameZh: freeText(100), productLines: z.array(ProductLineId).min(1).max(20), address: optionalText(200).nullable().default(null),
});
export type DesignateWarehouse = z.infer<typeof DesignateWarehouse>;
export const WithdrawWarehouse = z.object({ warehouseId: EntityId, reason: freeText(2000) });
export type WithdrawWarehouse = z.infer<typeof WithdrawWarehouse>;

export const catalogueCommandSchemas = { DefineProductLine, DesignateWarehouse, WithdrawWarehouse } as const;
export type CatalogueCommand =
  | Command<'DefineProductLine', DefineProductLine>
  | Command<'DesignateWarehouse', DesignateWarehouse>
  | Command<'WithdrawWarehouse', WithdrawWarehouse>;
