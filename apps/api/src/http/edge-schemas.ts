import { freeText, optionalText } from '@crm/workflow-kit';
import { z } from 'zod';

/**
 * Bounded building blocks for request schemas at the edge. Conventions for every endpoint:
 * - bodies are `z.strictObject` (unknown fields are refused with 400 SCHEMA naming the field);
 *   nested objects too, so nothing unvalidated rides along into an event;
 * - every string has a `.max()`, every array a `.max()`, every number a range: nothing a caller
 *   sends may be unbounded (the whole body is also capped by BODY_LIMIT_BYTES);
 * - path parameters have a pattern, query parameters are coerced and bounded.
 */
export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 4000;
export const MAX_LIST_ITEMS = 100;

/** A name, title or label: trimmed, 1–200 characters. */
export const ShortText = freeText(MAX_SHORT_TEXT);
/** A comment or reason: up to 4,000 characters. */
export const LongText = optionalText(MAX_LONG_TEXT);
/** An id in a path: letters, digits, dot, dash, underscore, colon; up to 100. */
export const IdParam = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'letters, digits, dot, dash, underscore or colon; 1–100 characters');
/** `?limit=&offset=` paging. */
export const Page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
/** An array bounded by `max` items (default 100). */
export const boundedArray = <T extends z.ZodType>(item: T, max = MAX_LIST_ITEMS) => z.array(item).max(max);
