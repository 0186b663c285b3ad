import { Workbook } from 'exceljs';
import type { CsvRecord } from '@crm/customers';
import { parsePickupCsv } from '@crm/customers';
import { writeCsv } from '../../src/spreadsheets/csv-writer';
import { table } from '../../src/spreadsheets/sheet';
import { writeXlsx } from '../../src/spreadsheets/xlsx-writer';
import { readXlsxRecords } from '../../src/spreadsheets/xlsx-reader';

const rows = [
  { id: 'c-1', name: '宁波甬兴塑业有限公司', at: '2026-03-31T16:30:00.000Z', fen: 12_000_050, note: '=HYPERLINK("x")' },
  { id: 'c-2', name: '甲', at: '2026-04-01T00:00:00.000Z', fen: -500, note: null },
];
const sheet = {
  fileName: 'test',
  tables: [
    table('客户', [
      { header: '客户编号', value: (r: (typeof rows)[number]) => r.id },
      { header: '客户名称', value: (r: (typeof rows)[number]) => r.name },
      { header: '时间', kind: 'instant', value: (r: (typeof rows)[number]) => r.at },
      { header: '金额(元)', kind: 'fen', value: (r: (typeof rows)[number]) => r.fen },
      { header: '备注', value: (r: (typeof rows)[number]) => r.note },
    ], rows),
  ],
};

describe('the spreadsheet writers and reader', () => {
  it('CSV: BOM, Chinese headers, Beijing time across midnight, yuan, a formula kept as text', () => {
    expect(writeCsv(sheet)).toBe(
      '\uFEFF客户编号,客户名称,时间（北京时间）,金额(元),备注\r\n' +
        "c-1,宁波甬兴塑业有限公司,2026-04-01 00:30:00,120000.50,\"'=HYPERLINK(\"\"x\"\")\"\r\n" +
        'c-2,甲,2026-04-01 08:00:00,-5.00,\r\n',
    );
  });

  it('xlsx: frozen bold header, widths by content (a Chinese character counts twice), Beijing time and yuan formats', async () => {
    const book = new Workbook();
    await book.xlsx.load((await writeXlsx(sheet)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('客户');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getRow(1).font).toMatchObject({ bold: true });
    expect(ws?.getColumn(2).width).toBe(2 * '宁波甬兴塑业有限公司'.length + 2);
    expect(ws?.getColumn(1).width).toBe(10);
    expect(ws?.getCell('C2').value).toEqual(new Date('2026-04-01T00:30:00.000Z'));
    expect(ws?.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect([ws?.getCell('D2').value, ws?.getCell('D2').numFmt]).toEqual([120000.5, '#,##0.00']);
    expect(ws?.getCell('E2').value).toBe('=HYPERLINK("x")');
  });

  it('a sheet read back gives the records the CSV of the same rows gives, so one parser checks both', async () => {
    const book = new Workbook();
    const ws = book.addWorksheet('提货');
    ws.addRow(['客户编号', '提货单号', '日期', '产品', '吨数', '仓库']);
    ws.addRow(['c-1', 'p-1', new Date('2026-03-05T00:00:00.000Z'), 'PP T30S', 1200.5, '镇海库']);
    ws.addRow([]);
    ws.addRow(['c-1', 'p-2', '2026/3/6', 'PP T30S', 3]);
    const records: CsvRecord[] = await readXlsxRecords(Buffer.from(await book.xlsx.writeBuffer()));
    expect(records).toEqual([
      { line: 1, fields: ['客户编号', '提货单号', '日期', '产品', '吨数', '仓库'] },
      { line: 2, fields: ['c-1', 'p-1', '2026-03-05', 'PP T30S', '1200.5', '镇海库'] },
      { line: 4, fields: ['c-1', 'p-2', '2026/3/6', 'PP T30S', '3', ''] },
    ]);
    expect(parsePickupCsv(records).errors).toEqual([{ line: 4, field: 'warehouse', message: 'is empty' }]);
    expect(parsePickupCsv('客户编号,提货单号,日期,产品,吨数,仓库\nc-1,p-1,2026-03-05,PP T30S,1200.5,镇海库\n\nc-1,p-2,2026/3/6,PP T30S,3,\n').errors).toEqual([{ line: 4, field: 'warehouse', message: 'is empty' }]);
  });
});
