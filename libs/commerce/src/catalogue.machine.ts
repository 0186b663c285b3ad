import { assign, setup } from 'xstate';
import { type CatalogueContext, evolveCatalogue, INITIAL_CATALOGUE_CONTEXT } from './catalogue.context';
import type { CatalogueEvent } from './catalogue.events';

type Args = { context: CatalogueContext; event: CatalogueEvent };

export const catalogueGuards = {
  /** a warehouse serves only product lines the company has */
  servesKnownLines: ({ context, event }: Args) => event.type === 'WarehouseDesignated' && event.data.productLines.every((p) => !!context.productLines[p]),
  isDesignated: ({ context, event }: Args) => event.type === 'WarehouseWithdrawn' && context.warehouses[event.data.warehouseId]?.withdrawn === false,
};

const catalogue = setup({
  types: { context: {} as CatalogueContext, events: {} as CatalogueEvent },
  guards: catalogueGuards,
  actions: { evolve: assign(({ context, event }) => evolveCatalogue(context, event)) },
});

/** The company's commercial master data, one stream `commercial-catalogue-company`: product lines and designated warehouses. */
export const catalogueMachine = catalogue.createMachine({
  id: 'catalogue',
  initial: 'kept',
  context: INITIAL_CATALOGUE_CONTEXT,
  states: {
    kept: {
      on: {
        ProductLineDefined: { actions: 'evolve' },
        WarehouseDesignated: { guard: 'servesKnownLines', actions: 'evolve' },
        WarehouseWithdrawn: { guard: 'isDesignated', actions: 'evolve' },
      },
    },
  },
});
