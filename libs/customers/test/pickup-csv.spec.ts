import { parsePickupCsv, pickupCsvTemplate } from '../src';

const HEADER = 'customerId,pickupId,date,product,tonnes,warehouse';

describe('pickup CSV parser (R-TIER-2 bulk pickups)', () => {
  it('R-TIER-2: parses rows with line numbers and numeric tonnes', () => {
    const text = `${HEADER}\nc-1,p-1,2026-03-05,HDPE 5000S,32.5,镇海库\nc-2,p-2,2026-03-06,LLDPE 7042,1000,宁波库\n`;
    expect(parsePickupCsv(text)).toEqual({
      rows: [
        { line: 2, customerId: 'c-1', pickupId: 'p-1', date: '2026-03-05', product: 'HDPE 5000S', tonnes: 32.5, warehouse: '镇海库' },
        { line: 3, customerId: 'c-2', pickupId: 'p-2', date: '2026-03-06', product: 'LLDPE 7042', tonnes: 1000, warehouse: '宁波库' },
      ],
      errors: [],
    });
  });

  it('R-TIER-2: accepts the Chinese headers, a BOM, CRLF, reordered columns and spreadsheet dates', () => {
    const text = '\uFEFF仓库,客户编号,提货单号,日期,产品,吨数\r\n镇海库,c-1,p-1,2026/3/5,PP T30S,"1,200.5"\r\n';
    expect(parsePickupCsv(text)).toEqual({ rows: [{ line: 2, customerId: 'c-1', pickupId: 'p-1', date: '2026-03-05', product: 'PP T30S', tonnes: 1200.5, warehouse: '镇海库' }], errors: [] });
  });

  it('R-TIER-2: the downloadable template starts with a BOM and its header is read back by the parser, one row appended', () => {
    const template = pickupCsvTemplate();
    expect(template.startsWith('\uFEFF客户编号,提货单号,提货日期,产品,吨数,仓库\r\n')).toBe(true);
    expect(parsePickupCsv(`${template}c-1,p-1,2026-03-05,PP T30S,12.5,镇海库\r\n`)).toEqual({
      rows: [{ line: 2, customerId: 'c-1', pickupId: 'p-1', date: '2026-03-05', product: 'PP T30S', tonnes: 12.5, warehouse: '镇海库' }], errors: [],
    });
  });

  it('R-TIER-2: quoted fields may contain commas, quotes and line breaks', () => {
    const text = `${HEADER}\nc-1,p-1,2026-03-05,"HDPE ""film"", grade\nA",10,"库,1"\nc-1,p-2,2026-03-05,PP,5,库2`;
    const result = parsePickupCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.product, r.warehouse])).toEqual([[2, 'HDPE "film", grade\nA', '库,1'], [4, 'PP', '库2']]);
  });

  it('R-TIER-2: reports every bad row with line, field and message, and returns no rows at all (no partial import)', () => {
    const text = [HEADER, 'c-1,p-1,2026-03-05,HDPE,32,库', 'c-1,p-2,2026-02-30,HDPE,-3,库', ',p-3,2026-03-05,HDPE,abc,', 'c-1,p-4,2026-03-05,HDPE,9000,库', 'c-1,p-1,2026-03-06,HDPE,1,库', 'c-1,p-5,2026-03-05'].join('\n');
    const result = parsePickupCsv(text);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      { line: 3, field: 'date', message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { line: 3, field: 'tonnes', message: '"-3" is not a tonnage with at most 3 decimals' },
      { line: 4, field: 'customerId', message: 'is empty' },
      { line: 4, field: 'tonnes', message: '"abc" is not a tonnage with at most 3 decimals' },
      { line: 4, field: 'warehouse', message: 'is empty' },
      { line: 5, field: 'tonnes', message: 'must be at most 5000 t per pickup' },
      { line: 6, field: 'pickupId', message: 'pickup p-1 already appears on line 2' },
      { line: 7, field: 'row', message: 'expected 6 fields, found 3' },
    ]);
  });

  it('R-TIER-2: zero tonnes and more than three decimals are refused', () => {
    const result = parsePickupCsv(`${HEADER}\nc-1,p-1,2026-03-05,HDPE,0,库\nc-1,p-2,2026-03-05,HDPE,1.0001,库`);
    expect(result.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [2, 'tonnes', 'must be more than 0'],
      [3, 'tonnes', '"1.0001" is not a tonnage with at most 3 decimals'],
    ]);
  });

  it('refuses a file with missing or duplicated columns on the header line', () => {
    expect(parsePickupCsv('customerId,pickupId,date,product,tonnes\nc,p,2026-03-05,x,1').errors).toEqual([{ line: 1, field: 'warehouse', message: 'missing column warehouse' }]);
    expect(parsePickupCsv(`${HEADER},日期\n`).errors).toEqual([{ line: 1, field: 'date', message: 'column date appears twice' }]);
  });

  it('refuses an empty file, an unclosed quote and too many rows', () => {
    expect(parsePickupCsv('\n\n').errors).toEqual([{ line: 1, field: 'header', message: 'the file is empty' }]);
    expect(parsePickupCsv(`${HEADER}\nc-1,p-1,2026-03-05,"HDPE,1,库`).errors).toEqual([{ line: 2, field: 'row', message: 'a quoted field is never closed' }]);
    const rows = [HEADER, 'c,p1,2026-03-05,x,1,w', 'c,p2,2026-03-05,x,1,w', 'c,p3,2026-03-05,x,1,w'].join('\n');
    expect(parsePickupCsv(rows, { maxRows: 2 }).errors).toEqual([{ line: 4, field: 'row', message: 'more than 2 rows' }]);
  });

  it('ignores blank lines and unknown extra columns', () => {
    const result = parsePickupCsv(`${HEADER},备注\n\nc-1,p-1,2026-03-05,HDPE,1,库,加急\n\n`);
    expect(result).toEqual({ rows: [{ line: 3, customerId: 'c-1', pickupId: 'p-1', date: '2026-03-05', product: 'HDPE', tonnes: 1, warehouse: '库' }], errors: [] });
  });
});
