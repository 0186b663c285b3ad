import type { CsvRecord } from '@crm/customers';
import { type CellValue as ExcelCellValue, Workbook } from 'exceljs';

/** Every .xlsx (and .docx, .zip) begins with a ZIP local file header. */
export const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;

export class UnreadableWorkbook extends Error {}

/**
 * The first worksheet as the records a CSV file would give: each row's cells as the text a person
 * sees, numbered by the sheet's own row numbers (so an error's line is the row Excel shows), padded
 * with empty fields to the header's width; empty rows are left out, as the CSV parsers skip them.
 */
export async function readXlsxRecords(bytes: Buffer): Promise<CsvRecord[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbook(`not a readable .xlsx workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    if (values.length > 0) records.push({ line: row.number, fields: values });
  });
  const width = records[0]?.fields.length ?? 0;
  // a CSV row ends at its last comma; a sheet row ends at its last filled cell: pad to the header's width
  for (const r of records) while (r.fields.length < width) r.fields.push('');
  return records;
}

/** A cell as the text the CSV export of the same sheet would hold. */
function cellText(value: ExcelCellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelCellValue);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/** Sheet dates hold the wall-clock reading as if it were UTC: a date cell is that date, a time stays beside it. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}
