import { CATALOGUE_ID, type CatalogueContext, catalogueWorkflow, isDesignatedFor, type PriceBookContext, priceAt, priceBookIdOf, priceBookWorkflow } from '@crm/commerce';
import type { PrepaymentFacts } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';

/**
 * R-PRIN-4's facts for pickups at these warehouses, read from the catalogue's and the price books'
 * own streams (a warehouse designated or a price approved a moment ago counts at once). The rule is
 * in force for a product line once some warehouse is designated for it.
 */
export async function loadPrepaymentFacts(engine: WorkflowEngine, warehouses: readonly string[]): Promise<PrepaymentFacts> {
  const catalogue = (await engine.load(catalogueWorkflow, CATALOGUE_ID)).state.context as CatalogueContext;
  const designated = Object.values(catalogue.warehouses).filter((w) => !w.withdrawn);
  const enforcedLines = new Set(designated.flatMap((w) => w.productLines));
  const books = new Map<string, PriceBookContext>();
  for (const line of enforcedLines) {
    for (const warehouse of new Set(warehouses)) {
      if (!isDesignatedFor(catalogue, warehouse, line)) continue;
      books.set(priceBookIdOf(line, warehouse), (await engine.load(priceBookWorkflow, priceBookIdOf(line, warehouse))).state.context as PriceBookContext);
    }
  }
  return {
    enforced: (line) => enforcedLines.has(line),
    isDesignated: (line, warehouse) => isDesignatedFor(catalogue, warehouse, line),
    priceFenAt: (line, warehouse, at) => {
      const book = books.get(priceBookIdOf(line, warehouse));
      return book ? (priceAt(book, at)?.priceFen ?? null) : null;
    },
  };
}
