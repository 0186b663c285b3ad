import { BUILT_IN_PRODUCT_LINES } from './commerce.shapes';
import type { CatalogueEvent } from './catalogue.events';

export interface ProductLine { productLineId: string; nameZh: string; name: string }
export interface Warehouse { warehouseId: string; nameZh: string; productLines: string[]; address: string | null; withdrawn: boolean }

export interface CatalogueContext {
  productLines: Record<string, ProductLine>;
  warehouses: Record<string, Warehouse>;
}

export const INITIAL_CATALOGUE_CONTEXT: CatalogueContext = {
  productLines: Object.fromEntries(BUILT_IN_PRODUCT_LINES.map((p) => [p.productLineId, { ...p }])),
  warehouses: {},
};

export function evolveCatalogue(context: CatalogueContext, event: CatalogueEvent): CatalogueContext {
  switch (event.type) {
    case 'ProductLineDefined': {
      const { productLineId, nameZh, name } = event.data;
      return { ...context, productLines: { ...context.productLines, [productLineId]: { productLineId, nameZh, name } } };
    }
    case 'WarehouseDesignated': {
      const { warehouseId, nameZh, productLines, address } = event.data;
      return { ...context, warehouses: { ...context.warehouses, [warehouseId]: { warehouseId, nameZh, productLines, address, withdrawn: false } } };
    }
    case 'WarehouseWithdrawn': {
      const w = context.warehouses[event.data.warehouseId];
      return w ? { ...context, warehouses: { ...context.warehouses, [w.warehouseId]: { ...w, withdrawn: true } } } : context;
    }
  }
}

/** R-PRIN-4: goods are collected only at a warehouse the company designates for that product line. */
export const isDesignatedFor = (context: CatalogueContext, warehouseId: string, productLineId: string): boolean => {
  const w = context.warehouses[warehouseId];
  return !!w && !w.withdrawn && w.productLines.includes(productLineId);
};
