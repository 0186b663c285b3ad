import { freeText } from '@crm/workflow-kit';
import { z } from 'zod';

/** Building blocks shared by the relationship-maintenance commands and events. */
export const EntityId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9:_.-]+$/, 'letters, digits and : _ . - only');
export type EntityId = z.infer<typeof EntityId>;

/** ISO 8601 instant with a zone. */
export const Instant = z.iso.datetime({ offset: true });

/** A calendar date as people write it on the form (年月日), no zone: the day in Beijing. */
export const LocalDate = z.iso.date();

export const Year = z.number().int().min(2000).max(2100);
export const MonthOfYear = z.number().int().min(1).max(12);

/** Free text (names, remarks, reasons …): no control, bidi-override or zero-width characters. */
export const text = freeText;

/** A department or role the notification outbox delivers to (its recipient pattern). */
export const Department = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a department name: lower-case letters, digits and underscores');

/** The calendar year of a local date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The day an instant falls on in Beijing (UTC+8, no daylight saving), as YYYY-MM-DD. */
export const beijingDateOf = (instant: string): string => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
