import type { Command } from '@crm/workflow-kit';
import { z } from 'zod';
import { PriceSet } from './price-book.events';

/** Issued by the committee's process when a price proposal is finally approved; never by a person. */
export const SetPrice = PriceSet;
export type SetPrice = z.infer<typeof SetPrice>;

export const priceBookCommandSchemas = { SetPrice } as const;
export type PriceBookCommand = Command<'SetPrice', SetPrice>;
