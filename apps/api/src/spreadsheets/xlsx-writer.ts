import { Workbook, type Worksheet } from 'exceljs';
import { beijingText, beijingWallClock, type CellKind, type CellValue, type SheetTable, type Spreadsheet } from './sheet';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  instant: 'yyyy-mm-dd hh:mm:ss',
  date: 'yyyy-mm-dd',
  fen: '#,##0.00',
  ratio: '0.00%',
};

/** One worksheet per table: bold header row frozen and filterable, columns as wide as their content. */
export async function writeXlsx(sheet: Spreadsheet): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'CRM workflow engine';
  const names = new Set<string>();
  for (const t of sheet.tables) addTable(workbook.addWorksheet(sheetName(t.title, names), { views: [{ state: 'frozen', ySplit: 1 }] }), t);
  if (sheet.tables.length === 0) workbook.addWorksheet('Sheet1');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTable(ws: Worksheet, t: SheetTable): void {
  ws.columns = t.columns.map((c, i) => ({
    header: c.header,
    width: columnWidth(c.header, t.rows.map((r) => displayText(r[i], c.kind))),
    style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  for (const row of t.rows) ws.addRow(row.map((value, i) => xlsxValue(value, t.columns[i]?.kind ?? 'text')));
  ws.getRow(1).font = { bold: true };
  if (t.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
}

function xlsxValue(value: CellValue, kind: CellKind): string | number | boolean | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'instant' && typeof value === 'string') return beijingWallClock(value) ?? value;
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00.000Z`);
  if (kind === 'fen' && typeof value === 'number') return value / 100;
  return value;
}

function displayText(value: CellValue, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'instant' && typeof value === 'string') return beijingText(value);
  if (kind === 'fen' && typeof value === 'number') return (value / 100).toFixed(2);
  return String(value);
}

/** Wide characters (汉字, full-width punctuation) take two columns of a spreadsheet's width unit. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);

function columnWidth(header: string, cells: readonly string[]): number {
  const widest = cells.reduce((w, c) => Math.max(w, widthOf(c)), widthOf(header));
  return Math.min(60, Math.max(8, widest + 2));
}

/** Sheet names: at most 31 characters, none of \ / ? * [ ] :, unique within the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[\\/?*[\]:]/g, '_').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
