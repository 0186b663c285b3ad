import { NotPermitted, type WorkflowDefinition } from '@crm/workflow-kit';
import { priceBookCommandSchemas, type PriceBookCommand } from './price-book.commands';
import type { PriceBookContext } from './price-book.context';
import { priceBookEventSchemas, type PriceBookEvent } from './price-book.events';
import { priceBookMachine } from './price-book.machine';
import { PRICE_BOOK_VOCABULARY } from './price-book.vocabulary';

/** R-PRICE-1: no person writes a price; the committee's approved proposals do, through its process. */
function decidePriceBook(command: PriceBookCommand): PriceBookEvent[] {
  if (!command.meta.actor.system) throw new NotPermitted('R-PRICE-1', 'prices come only from approved price proposals');
  return [{ type: 'PriceSet', data: command.data }];
}

export const priceBookWorkflow: WorkflowDefinition<PriceBookCommand, PriceBookEvent, PriceBookContext> = {
  name: 'price-book',
  version: '1',
  streamPrefix: 'price-book',
  machine: priceBookMachine,
  commandSchemas: priceBookCommandSchemas,
  eventSchemas: priceBookEventSchemas,
  vocabulary: PRICE_BOOK_VOCABULARY,
  creationCommands: [],
  openOrContinueCommands: ['SetPrice'],
  decide: (command) => decidePriceBook(command),
};

