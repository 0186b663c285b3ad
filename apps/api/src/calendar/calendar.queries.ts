import { calendarYearSchema, isIsoDate } from '@crm/calendar';
import { z } from 'zod';

const isoDate = z.string().refine(isIsoDate, { message: "must be a date 'YYYY-MM-DD'" });

export const DeadlineQuery = z.strictObject({
  from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant, e.g. 2026-09-30T10:00:00+08:00' }),
  workingDays: z.coerce.number().min(0, 'R-CMP-3: working days cannot be negative').max(60, 'at most 60 working days'),
});
export type DeadlineQuery = z.infer<typeof DeadlineQuery>;

export const DaysQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type DaysQuery = z.infer<typeof DaysQuery>;

export const YearParam = z.coerce.number().int().min(2000).max(2100);
export const CalendarYearBody = calendarYearSchema;
