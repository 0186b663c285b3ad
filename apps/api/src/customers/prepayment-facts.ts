import {
  CATALOGUE_ID, type CatalogueContext, catalogueWorkflow, type ContractContext, contractWorkflow, coversDate, isDesignatedFor, type PriceBookContext, priceAt,
  priceBookIdOf, priceBookWorkflow,
} from '@crm/commerce';
import type { PrepaymentFacts } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';

/** Finds the ids of a customer's contracts (a read model brought up to the store's head). */
export type ContractIndex = (customerIds: readonly string[]) => Promise<string[]>;

/**
 * R-PRIN-4's and R-ARC-5's facts for pickups at these warehouses by these customers, read from the
 * catalogue's, the price books' and the contracts' own streams (a warehouse designated, a price
 * approved or a contract signed a moment ago counts at once). The rules are in force for a product
 * line once some warehouse is designated for it.
 */
export async function loadPrepaymentFacts(engine: WorkflowEngine, warehouses: readonly string[], customers: readonly string[] = [], contracts?: ContractIndex): Promise<PrepaymentFacts> {
  const catalogue = (await engine.load(catalogueWorkflow, CATALOGUE_ID)).state.context as CatalogueContext;
  const enforcedLines = new Set(Object.values(catalogue.warehouses).filter((w) => !w.withdrawn).flatMap((w) => w.productLines));
  const books = new Map<string, PriceBookContext>();
  for (const line of enforcedLines) {
    for (const warehouse of new Set(warehouses)) {
      if (!isDesignatedFor(catalogue, warehouse, line)) continue;
      books.set(priceBookIdOf(line, warehouse), (await engine.load(priceBookWorkflow, priceBookIdOf(line, warehouse))).state.context as PriceBookContext);
    }
  }
  const inForce = enforcedLines.size > 0 && contracts ? await contractsInForce(engine, await contracts(customers)) : [];
  return {
    enforced: (line) => enforcedLines.has(line),
    isDesignated: (line, warehouse) => isDesignatedFor(catalogue, warehouse, line),
    priceFenAt: (line, warehouse, at) => {
      const book = books.get(priceBookIdOf(line, warehouse));
      return book ? (priceAt(book, at)?.priceFen ?? null) : null;
    },
    contractCovers: (customerId, line, date) => inForce.some(({ context, state }) => context.customerId === customerId && context.productLineId === line && coversDate(context, state, date)),
  };
}

/** Each contract's standing from its own stream: the index may lag, the stream does not. */
async function contractsInForce(engine: WorkflowEngine, ids: readonly string[]) {
  const loaded = await Promise.all(ids.map((id) => engine.load(contractWorkflow, id)));
  return loaded.map(({ state }) => ({ context: state.context as ContractContext, state: state.state }));
}
