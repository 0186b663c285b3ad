import { z } from 'zod';

export const MANIFEST = 'manifest.json';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One month's file: its events in global order, one stored event (hash included) per line. */
export const ExportFile = z.object({ name: z.string().regex(/^events-\d{4}-\d{2}\.jsonl$/), events: z.number().int().positive(), sha256: Sha256 });
export type ExportFile = z.infer<typeof ExportFile>;

/**
 * A stream's part of the year: where its chain is picked up (the hash of the event before the
 * year's first, GENESIS for a stream that began this year) and where it stands at the year's end.
 * The next year's export of the stream must pick up at this head.
 */
export const ExportStream = z.object({
  streamId: z.string(),
  events: z.number().int().positive(),
  firstRevision: z.number().int().nonnegative(),
  lastRevision: z.number().int().nonnegative(),
  previousHash: Sha256,
  headHash: Sha256,
});
export type ExportStream = z.infer<typeof ExportStream>;

export const YearExportManifest = z.object({
  format: z.literal('crm-year-export/1'),
  year: z.number().int(),
  /** the year's bounds are midnights of this zone; events belong to it by `recordedAt` */
  timeZone: z.string(),
  exportedAt: z.string(),
  events: z.number().int().nonnegative(),
  firstPosition: z.number().int().nullable(),
  lastPosition: z.number().int().nullable(),
  files: z.array(ExportFile),
  streams: z.array(ExportStream),
});
export type YearExportManifest = z.infer<typeof YearExportManifest>;

/** `YYYY-MM` of an instant in a time zone. */
export function monthIn(timeZone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

export const fileOfMonth = (month: string): string => `events-${month}.jsonl`;
