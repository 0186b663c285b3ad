export interface CsvRecord {
  /** 1-based line on which the record starts */
  line: number;
  fields: string[];
}

/**
 * What an import reads: CSV text, or the records of a spreadsheet already read cell by cell (its
 * rows numbered as the sheet numbers them), so both go through the same parser and its rules.
 */
export type TabularInput = string | readonly CsvRecord[];

/** The records of either input; a BOM is not part of the first header. */
export function recordsOf(input: TabularInput): { records: readonly CsvRecord[]; unterminatedAt: number | null } {
  return typeof input === 'string' ? splitCsvRecords(input.replace(/^\uFEFF/, '')) : { records: input, unterminatedAt: null };
}

interface Cursor {
  records: CsvRecord[];
  fields: string[];
  field: string;
  quoted: boolean;
  line: number;
  start: number;
}

/**
 * RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF.
 * `unterminatedAt` names the line of a quote that never closes, so the caller can report it.
 */
export function splitCsvRecords(text: string): { records: CsvRecord[]; unterminatedAt: number | null } {
  const c: Cursor = { records: [], fields: [], field: '', quoted: false, line: 1, start: 1 };
  for (let i = 0; i < text.length; i++) {
    i = c.quoted ? quotedChar(c, text, i) : plainChar(c, text, i);
  }
  if (c.quoted) return { records: c.records, unterminatedAt: c.start };
  if (c.fields.length > 0 || c.field !== '') c.records.push({ line: c.start, fields: [...c.fields, c.field] });
  return { records: c.records, unterminatedAt: null };
}

function quotedChar(c: Cursor, text: string, i: number): number {
  const ch = text[i];
  if (ch === '"' && text[i + 1] === '"') {
    c.field += '"';
    return i + 1;
  }
  if (ch === '"') c.quoted = false;
  else {
    if (ch === '\n') c.line++;
    c.field += ch;
  }
  return i;
}

function plainChar(c: Cursor, text: string, i: number): number {
  const ch = text[i];
  if (ch === '"' && c.field.trim() === '') {
    c.quoted = true;
    c.field = '';
  } else if (ch === ',') {
    c.fields.push(c.field);
    c.field = '';
  } else if (ch === '\n' || ch === '\r') {
    c.records.push({ line: c.start, fields: [...c.fields, c.field] });
    c.fields = [];
    c.field = '';
    c.line++;
    c.start = c.line;
    if (ch === '\r' && text[i + 1] === '\n') return i + 1;
  } else c.field += ch;
  return i;
}
