import type { WorkflowVocabulary } from '@crm/workflow-kit';
import type { priceBookEventSchemas } from './price-book.events';

/** What people read for the price-book workflow's events and states (the audit timeline, exports, the console). */
export const PRICE_BOOK_VOCABULARY: WorkflowVocabulary<keyof typeof priceBookEventSchemas> = {
  title: { zh: '价格表', en: 'Price book' },
  events: {
    PriceSet: { zh: '执行新价格', en: 'Price set' },
  },
  states: {
    none: { zh: '未建立', en: 'Not started' },
    kept: { zh: '在用', en: 'Kept' },
  },
};
