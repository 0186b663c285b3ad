import { beijingText, type CellKind, type CellValue, type Spreadsheet } from './sheet';

/**
 * RFC 4180 CSV that Excel opens in Chinese: a UTF-8 BOM first (without it Excel reads the bytes as
 * the system's ANSI code page), CRLF lines. Several tables follow each other, each under its title.
 */
export function writeCsv(sheet: Spreadsheet): string {
  const blocks = sheet.tables.map((t) => {
    const lines = [t.columns.map((c) => c.header), ...t.rows.map((row) => row.map((value, i) => csvText(value, t.columns[i]?.kind ?? 'text')))];
    return (sheet.tables.length > 1 ? [[t.title], ...lines] : lines).map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  });
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}

function csvText(value: CellValue, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'instant' && typeof value === 'string') return beijingText(value);
  if (kind === 'fen' && typeof value === 'number') return (value / 100).toFixed(2);
  // a text cell beginning = + - @ would run as a formula in a spreadsheet: a leading tick keeps it text
  if (typeof value === 'string' && kind === 'text' && /^[=+\-@]/.test(value)) return `'${value}`;
  return String(value);
}

const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
