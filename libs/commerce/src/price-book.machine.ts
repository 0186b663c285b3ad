import { assign, setup } from 'xstate';
import { evolvePriceBook, INITIAL_PRICE_BOOK_CONTEXT, type PriceBookContext } from './price-book.context';
import type { PriceBookEvent } from './price-book.events';

type Args = { context: PriceBookContext; event: PriceBookEvent };

export const priceBookGuards = {
  /** one book per product line and warehouse; a proposal sets its price once */
  belongsHere: ({ context, event }: Args) =>
    (context.productLineId === null || (context.productLineId === event.data.productLineId && context.warehouseId === event.data.warehouseId)) &&
    !context.entries.some((e) => e.proposalId === event.data.proposalId),
};

const book = setup({
  types: { context: {} as PriceBookContext, events: {} as PriceBookEvent },
  guards: priceBookGuards,
  actions: { evolve: assign(({ context, event }) => evolvePriceBook(context, event)) },
});

/** `price-book-<productLine>.<warehouse>`: every approved price of one product line at one designated warehouse. */
export const priceBookMachine = book.createMachine({
  id: 'price-book',
  initial: 'kept',
  context: INITIAL_PRICE_BOOK_CONTEXT,
  states: { kept: { on: { PriceSet: { guard: 'belongsHere', actions: 'evolve' } } } },
});
