import { MAX_PICKUP_TONNES } from './customer.shapes';
import { type CsvRecord, recordsOf, type TabularInput } from './csv-records';
import { isCalendarDate } from './shanghai-time';

export const PICKUP_CSV_COLUMNS = ['customerId', 'pickupId', 'date', 'product', 'tonnes', 'warehouse'] as const;
export type PickupCsvColumn = (typeof PICKUP_CSV_COLUMNS)[number];

/** Header names accepted per column: the English ones and the ones on the company's forms. */
const HEADER_ALIASES: Record<string, PickupCsvColumn> = {
  customerid: 'customerId', 客户编号: 'customerId',
  pickupid: 'pickupId', 提货单号: 'pickupId',
  date: 'date', 日期: 'date', 提货日期: 'date',
  product: 'product', 产品: 'product',
  tonnes: 'tonnes', 吨数: 'tonnes', 提货量: 'tonnes',
  warehouse: 'warehouse', 仓库: 'warehouse',
};

/** The template's header: the company's form names, each one the parser reads back (HEADER_ALIASES). */
export const PICKUP_CSV_TEMPLATE_HEADERS: Readonly<Record<PickupCsvColumn, string>> = {
  customerId: '客户编号', pickupId: '提货单号', date: '提货日期', product: '产品', tonnes: '吨数', warehouse: '仓库',
};

/**
 * The downloadable import template: a UTF-8 BOM (so Excel opens the Chinese headers as UTF-8) and
 * the header row only, with no sample row that an unedited upload would record as a pickup.
 */
export function pickupCsvTemplate(): string {
  return `\uFEFF${PICKUP_CSV_COLUMNS.map((c) => PICKUP_CSV_TEMPLATE_HEADERS[c]).join(',')}\r\n`;
}

export interface PickupCsvRow {
  line: number;
  customerId: string;
  pickupId: string;
  date: string;
  product: string;
  tonnes: number;
  warehouse: string;
}
export interface PickupCsvError {
  line: number;
  field: string;
  message: string;
}
export interface PickupCsvResult {
  rows: PickupCsvRow[];
  errors: PickupCsvError[];
}

/**
 * Parses a bulk pickup file. Every row is checked and every problem reported with its line,
 * because the caller refuses the whole file when any row errs (no partial import).
 */
export function parsePickupCsv(input: TabularInput, options: { maxRows?: number } = {}): PickupCsvResult {
  const { records, unterminatedAt } = recordsOf(input);
  if (unterminatedAt !== null) return { rows: [], errors: [{ line: unterminatedAt, field: 'row', message: 'a quoted field is never closed' }] };
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonEmpty.length === 0) return { rows: [], errors: [{ line: 1, field: 'header', message: 'the file is empty' }] };
  const [header, ...body] = nonEmpty;
  const columns = readHeader(header);
  if ('errors' in columns) return { rows: [], errors: columns.errors };
  const maxRows = options.maxRows ?? 100_000;
  if (body.length > maxRows) return { rows: [], errors: [{ line: body[maxRows].line, field: 'row', message: `more than ${maxRows} rows` }] };
  const rows: PickupCsvRow[] = [];
  const errors: PickupCsvError[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const parsed = readRow(record, columns.index, header.fields.length);
    if ('errors' in parsed) errors.push(...parsed.errors);
    else {
      const key = `${parsed.customerId}\u0000${parsed.pickupId}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ line: record.line, field: 'pickupId', message: `pickup ${parsed.pickupId} already appears on line ${first}` });
      else {
        seen.set(key, record.line);
        rows.push(parsed);
      }
    }
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
}

function readHeader(header: CsvRecord): { index: Record<PickupCsvColumn, number> } | { errors: PickupCsvError[] } {
  const index: Partial<Record<PickupCsvColumn, number>> = {};
  const errors: PickupCsvError[] = [];
  header.fields.forEach((name, i) => {
    const column = HEADER_ALIASES[name.trim().toLowerCase()] ?? HEADER_ALIASES[name.trim()];
    if (!column) return;
    if (index[column] !== undefined) errors.push({ line: header.line, field: column, message: `column ${column} appears twice` });
    index[column] = i;
  });
  for (const column of PICKUP_CSV_COLUMNS) {
    if (index[column] === undefined) errors.push({ line: header.line, field: column, message: `missing column ${column}` });
  }
  return errors.length > 0 ? { errors } : { index: index as Record<PickupCsvColumn, number> };
}

function readRow(record: CsvRecord, index: Record<PickupCsvColumn, number>, width: number): PickupCsvRow | { errors: PickupCsvError[] } {
  const { line, fields } = record;
  if (fields.length !== width) return { errors: [{ line, field: 'row', message: `expected ${width} fields, found ${fields.length}` }] };
  const errors: PickupCsvError[] = [];
  const text = (column: PickupCsvColumn, max: number): string => {
    const value = fields[index[column]].trim();
    if (value === '') errors.push({ line, field: column, message: 'is empty' });
    else if (value.length > max) errors.push({ line, field: column, message: `is longer than ${max} characters` });
    return value;
  };
  const row = {
    line,
    customerId: text('customerId', 100),
    pickupId: text('pickupId', 100),
    date: readDate(fields[index.date], (message) => errors.push({ line, field: 'date', message })),
    product: text('product', 200),
    tonnes: readTonnes(fields[index.tonnes], (message) => errors.push({ line, field: 'tonnes', message })),
    warehouse: text('warehouse', 200),
  };
  return errors.length > 0 ? { errors } : row;
}

/** Accepts 2026-03-05, 2026/3/5 and 2026-3-5 (spreadsheet exports) and returns YYYY-MM-DD. */
function readDate(raw: string, fail: (message: string) => void): string {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(raw.trim());
  const date = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : '';
  if (!isCalendarDate(date)) fail(`"${raw.trim()}" is not a date (YYYY-MM-DD)`);
  return date;
}

/** Tonnes with at most three decimals (kilograms); thousands separators allowed. */
function readTonnes(raw: string, fail: (message: string) => void): number {
  const cleaned = raw.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  const tonnes = /^\d+(\.\d{1,3})?$/.test(cleaned) ? Number(cleaned) : NaN;
  if (Number.isNaN(tonnes)) fail(`"${raw.trim()}" is not a tonnage with at most 3 decimals`);
  else if (tonnes <= 0) fail('must be more than 0');
  else if (tonnes > MAX_PICKUP_TONNES) fail(`must be at most ${MAX_PICKUP_TONNES} t per pickup`);
  return tonnes;
}
