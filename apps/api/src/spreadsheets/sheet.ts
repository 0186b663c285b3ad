/**
 * A report as a person takes it to a meeting: named tables of typed cells. Reports describe their
 * columns once (Chinese header, kind, value); the CSV and xlsx writers decide how each kind looks.
 */
export type CellKind =
  /** an ISO instant: shown in Beijing time */
  | 'instant'
  /** a calendar date YYYY-MM-DD (already a Beijing date) */
  | 'date'
  | 'text'
  | 'number'
  /** money in fen, shown in yuan */
  | 'fen'
  /** a fraction shown as a percentage */
  | 'ratio';

export type CellValue = string | number | boolean | null | undefined;

export interface SheetColumn<Row> {
  header: string;
  kind?: CellKind;
  value(row: Row): CellValue;
}

/** A table with its cells computed: what the writers consume, whatever the report's row type was. */
export interface SheetTable {
  title: string;
  columns: ReadonlyArray<{ header: string; kind: CellKind }>;
  rows: ReadonlyArray<readonly CellValue[]>;
}

export interface Spreadsheet {
  /** file name without extension; may be Chinese (sent as RFC 5987 filename*) */
  fileName: string;
  tables: readonly SheetTable[];
}

/** One table of a report from its rows and column declarations. */
export function table<Row>(title: string, columns: ReadonlyArray<SheetColumn<Row>>, rows: readonly Row[]): SheetTable {
  return {
    title,
    // a reader must not have to guess the zone of a time
    columns: columns.map((c) => ({ header: c.kind === 'instant' ? `${c.header}（北京时间）` : c.header, kind: c.kind ?? 'text' })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * An instant's Beijing wall-clock time as the Date a spreadsheet stores: spreadsheets have no
 * time zones, so the cell holds the local time the reader expects (China has no DST since 1991).
 */
export function beijingWallClock(instant: string): Date | null {
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS);
}

/** `2026-10-09 10:00:00`, the Beijing time of an instant, for CSV cells. */
export function beijingText(instant: string): string {
  const local = beijingWallClock(instant);
  return local ? local.toISOString().slice(0, 19).replace('T', ' ') : instant;
}
