import { type CellValue, Workbook, type Worksheet } from 'exceljs';
import type { TestApi } from './test-api';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download as its bytes (the harness's request reads text, which would mangle a workbook). */
export async function download(api: TestApi, path: string, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The workbook a report download answers, opened by exceljs as Excel would open it. */
export async function downloadWorkbook(api: TestApi, path: string, token: string): Promise<Workbook> {
  const res = await download(api, path, token);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.bytes.toString('utf8')}`);
  expect(res.headers.get('content-type')).toBe(XLSX);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
  const workbook = new Workbook();
  await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A worksheet's header and rows as plain values (rich text as its text), the header frozen. */
export function sheetOf(workbook: Workbook, name: string): { header: string[]; rows: unknown[][] } {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const width = sheet.getRow(1).cellCount;
  const values = (ws: Worksheet, n: number) => Array.from({ length: width }, (_, i) => plain(ws.getRow(n).getCell(i + 1).value));
  return { header: values(sheet, 1).map(String), rows: Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(sheet, i + 2)) };
}

function plain(value: CellValue): unknown {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return value ?? null;
}

/** What a sheet cell holds for an instant: its Beijing wall-clock time (UTC+8, no DST). */
export const beijing = (instant: string | null | undefined) => (instant ? new Date(Date.parse(instant) + 8 * 3_600_000) : null);
/** What a sheet cell holds for a calendar date. */
export const day = (date: string | null | undefined) => (date ? new Date(`${date}T00:00:00.000Z`) : null);

/** An .xlsx made as a person would in Excel: one sheet, a header row, then the rows. */
export async function workbookOf(rows: ReadonlyArray<ReadonlyArray<string | number | Date | null>>): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Posts a file as the part `file` of a real multipart form, or as the raw body with its media type. */
export async function upload(api: TestApi, path: string, token: string, bytes: Buffer, as: 'multipart' | 'raw', headers: Record<string, string> = {}) {
  const init: RequestInit =
    as === 'multipart'
      ? { body: formWith(bytes), headers: { authorization: `Bearer ${token}`, ...headers } }
      : { body: new Uint8Array(bytes), headers: { authorization: `Bearer ${token}`, 'content-type': XLSX, ...headers } };
  const response = await fetch(`${api.url}${path}`, { method: 'POST', ...init });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

function formWith(bytes: Buffer): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: XLSX }), '提货明细.xlsx');
  return form;
}
