import { z } from 'zod';
import { XLSX_MEDIA_TYPE } from './xlsx-writer';

export type SheetFormat = 'csv' | 'xlsx';

/** The `format` query parameter of every report that downloads as a spreadsheet (spread into its query schema). */
export const SheetQuery = { format: z.enum(['json', 'csv', 'xlsx']).optional() };

/**
 * The spreadsheet a request asks for: `?format=csv|xlsx` (a link a person clicks cannot set
 * headers), else an Accept naming one of the two types; null for JSON.
 */
export function requestedSheet(request: { query?: unknown; headers: Record<string, string | string[] | undefined> }): SheetFormat | null {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  if (format === 'csv' || format === 'xlsx') return format;
  if (typeof format === 'string') return null;
  const accept = String(request.headers.accept ?? '').toLowerCase();
  if (accept.startsWith(XLSX_MEDIA_TYPE)) return 'xlsx';
  if (accept.startsWith('text/csv')) return 'csv';
  return null;
}
