import { calendarYearSchema } from '@crm/calendar';
import { ComplaintPolicy } from '@crm/complaints';
import { z } from 'zod';

const Instant = z.iso.datetime({ offset: true });

export const CustomerIdParam = z.string().regex(/^[A-Za-z0-9:_.-]{1,100}$/, 'a customer id');

const HistoryFilters = {
  /** comma-separated event types */
  type: z.string().max(2000).optional(),
  actor: z.string().min(1).max(100).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
};

export const HistoryQuery = z.strictObject({
  ...HistoryFilters,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const AsOfQuery = z.strictObject({ at: Instant });
export type AsOfQuery = z.infer<typeof AsOfQuery>;

export const ExportQuery = z.strictObject({ ...HistoryFilters, format: z.enum(['jsonl', 'csv', 'xlsx', 'html']).default('jsonl') });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Re-run the complaints closed in [from, to] under another policy and/or calendar (read-only). */
export const WhatIfBody = z.strictObject({
  from: Instant,
  to: Instant,
  customerId: CustomerIdParam.optional(),
  policy: ComplaintPolicy.optional(),
  calendar: z
    .strictObject({
      /** `official`: the data shipped with the code; `current`: plus every year published since */
      base: z.enum(['official', 'current']).default('current'),
      /** years to put in place of the base's (a different State Council notice, a draft year) */
      years: z.array(calendarYearSchema).max(5).default([]),
    })
    .optional(),
});
export type WhatIfBody = z.infer<typeof WhatIfBody>;

export const typesOf = (type: string | undefined): string[] | undefined => type?.split(',').map((t) => t.trim()).filter(Boolean);
