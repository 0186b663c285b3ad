import type { PriceBookEvent, PriceSet } from './price-book.events';

export interface PriceBookContext {
  productLineId: string | null;
  warehouseId: string | null;
  /** every price ever set, in the order set */
  entries: PriceSet[];
}
export const INITIAL_PRICE_BOOK_CONTEXT: PriceBookContext = { productLineId: null, warehouseId: null, entries: [] };

export function evolvePriceBook(context: PriceBookContext, event: PriceBookEvent): PriceBookContext {
  return { productLineId: event.data.productLineId, warehouseId: event.data.warehouseId, entries: [...context.entries, event.data] };
}

export const priceBookIdOf = (productLineId: string, warehouseId: string): string => `${productLineId}.${warehouseId}`;
