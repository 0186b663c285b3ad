import {
  CATALOGUE_ID, type CatalogueContext, catalogueWorkflow, type ContractContext, contractWorkflow, coversDate, isDesignatedFor, type PriceBookContext, priceAt,
  priceBookIdOf, priceBookWorkflow,
} from '@crm/commerce';
import { ProductLine, type PrepaymentFacts } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';
import { allocationIdOf, allocationWorkflow, approvedKgOf, type AllocationContext } from '@crm/key-accounts';

/** Finds the ids of a customer's contracts (a read model brought up to the store's head). */
export type ContractIndex = (customerIds: readonly string[]) => Promise<string[]>;

/** What the pickups to decide touch: their warehouses, customers and months (YYYY-MM). */
export interface PickupScope {
  warehouses: readonly string[];
  customers: readonly string[];
  months: readonly string[];
}

/**
 * R-PRIN-4's, R-ARC-5's and R-ALLOC-2's facts for pickups in this scope, read from the catalogue's,
 * the price books', the contracts' and the months' allocations' own streams (a warehouse designated,
 * a price approved, a contract signed or an allocation approved a moment ago counts at once).
 * R-PRIN-4 and R-ARC-5 are in force for a product line once some warehouse is designated for it;
 * R-ALLOC-2 for a month once its allocation is approved.
 */
export async function loadPrepaymentFacts(engine: WorkflowEngine, scope: PickupScope, contracts?: ContractIndex): Promise<PrepaymentFacts> {
  const { warehouses, customers } = scope;
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
  const allocations = await allocationsOf(engine, scope.months);
  return {
    enforced: (line) => enforcedLines.has(line),
    isDesignated: (line, warehouse) => isDesignatedFor(catalogue, warehouse, line),
    priceFenAt: (line, warehouse, at) => {
      const book = books.get(priceBookIdOf(line, warehouse));
      return book ? (priceAt(book, at)?.priceFen ?? null) : null;
    },
    contractCovers: (customerId, line, date) => inForce.some(({ context, state }) => context.customerId === customerId && context.productLineId === line && coversDate(context, state, date)),
    allocatedKg: (customerId, line, month) => {
      const allocation = allocations.get(`${line}|${month}`);
      return allocation ? approvedKgOf(allocation, customerId) : null;
    },
  };
}

/** Each product line's allocation of each month, from its own stream. */
async function allocationsOf(engine: WorkflowEngine, months: readonly string[]): Promise<Map<string, AllocationContext>> {
  const keys = [...new Set(months)].flatMap((month) => ProductLine.options.map((line) => ({ line, month })));
  const loaded = await Promise.all(keys.map(({ line, month }) => engine.load(allocationWorkflow, allocationIdOf(line, month))));
  return new Map(keys.map(({ line, month }, i) => [`${line}|${month}`, loaded[i].state.context as AllocationContext]));
}

/** Each contract's standing from its own stream: the index may lag, the stream does not. */
async function contractsInForce(engine: WorkflowEngine, ids: readonly string[]) {
  const loaded = await Promise.all(ids.map((id) => engine.load(contractWorkflow, id)));
  return loaded.map(({ state }) => ({ context: state.context as ContractContext, state: state.state }));
}
