import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { upload, workbookOf } from '../support/spreadsheets';
import { startTestApi, type TestApi } from '../support/test-api';

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const PICKUP_HEADER = ['客户编号', '提货单号', '提货日期', '产品', '吨数', '仓库'];
const BANK_HEADER = ['交易流水号', '交易日期', '对方户名', '对方账号', '借方金额', '贷方金额', '摘要'];
const invoicing = (accountNumber: string) => ({ bank: '工商银行宁波分行', accountNumber, address: '宁波市北仑区', telephone: '0574-8888-0000' });
/** a date typed into Excel: a date cell, not text */
const excelDate = (date: string) => new Date(`${date}T00:00:00.000Z`);

/**
 * Pickups and bank receipts from an .xlsx as from a CSV: the sheet's rows go through the same
 * parser and the same checks, all or nothing, every bad row named by its sheet row and column
 * (in Chinese when asked), uploaded as a multipart form or as the raw workbook.
 */
describeEachEngine('imports from Excel workbooks (pickups and bank receipts)', (engine) => {
  let api: TestApi;
  jest.setTimeout(60_000);
  const events = async (customerId: string, type: string) => (await api.store.readStream(`customer-${customerId}`)).filter((e) => e.type === type);

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-03-31T02:00:00.000Z', engine });
    await openCustomer(api, archive('xi-1', { name: '宁波甬兴塑业有限公司', invoicing: invoicing('3901-1100-0000-1111') }));
    await openCustomer(api, archive('xi-2', { name: '余姚华丰塑料厂', invoicing: invoicing('3901-1100-0000-2222') }));
  });
  afterAll(() => api?.close());

  it('pickups: a good sheet (a multipart upload) records every row; the same sheet as the raw body records nothing new', async () => {
    const sheet = await workbookOf([
      PICKUP_HEADER,
      ['xi-1', 'X-001', excelDate('2026-03-31'), 'HDPE 5000S', 1200, '镇海库'],
      ['xi-1', 'X-002', '2026/3/31', 'HDPE 5000S', 300.5, '镇海库'],
      ['xi-2', 'X-003', excelDate('2026-03-31'), 'LLDPE 7042', 480, '宁波库'],
    ]);
    const first = await upload(api, '/pickups/import', await api.tokenFor('sales'), sheet, 'multipart');
    expect([first.status, first.body]).toEqual([200, expect.objectContaining({ ok: true, rows: 3, recorded: 3, customers: 2 })]);
    expect((await events('xi-1', 'PickupRecorded')).map((e) => [e.data.pickupId, e.data.date, e.data.tonnes])).toEqual([['X-001', '2026-03-31', 1200], ['X-002', '2026-03-31', 300.5]]);
    const head = await api.store.headPosition();
    const again = await upload(api, '/pickups/import', await api.tokenFor('sales'), sheet, 'raw');
    expect([again.status, again.body]).toEqual([200, expect.objectContaining({ ok: true, recorded: 0, unchanged: 3 })]);
    expect(await api.store.headPosition()).toBe(head);
  });

  it('pickups: a sheet with bad rows is refused whole, each bad row named by its sheet row and column in Chinese', async () => {
    const head = await api.store.headPosition();
    const sheet = await workbookOf([
      PICKUP_HEADER,
      ['xi-1', 'X-101', excelDate('2026-03-31'), 'HDPE 5000S', 10, '镇海库'],
      ['xi-1', 'X-102', '2026-02-30', 'HDPE 5000S', 'abc', '镇海库'],
      ['xi-9', 'X-103', excelDate('2026-03-31'), 'HDPE 5000S', 5, '镇海库'],
      ['xi-2', 'X-104', excelDate('2026-03-31'), null, 5, '宁波库'],
    ]);
    const refused = await upload(api, '/pickups/import', await api.tokenFor('sales'), sheet, 'raw', ZH);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ rule: 'IMPORT', stage: 'parse', line: 3, field: 'date', recorded: 0 });
    expect(refused.body.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([[3, 'date'], [3, 'tonnes'], [5, 'product']]);
    expect(refused.body.errors.map((e: { message: string }) => e.message)).toEqual([
      '第 3 行「日期」：「2026-02-30」不是日期（应为 YYYY-MM-DD）',
      '第 3 行「吨数」：「abc」不是吨数（最多 3 位小数）',
      '第 5 行「产品」：不能为空',
    ]);
    expect(refused.body.message).toBe('文件有错误，未导入任何数据（第 3 行「日期」：「2026-02-30」不是日期（应为 YYYY-MM-DD））');
    // rows that parse go on to the customer's checks: an unknown customer, in Chinese too
    const unknown = await upload(api, '/pickups/import', await api.tokenFor('sales'), await workbookOf([PICKUP_HEADER, ['xi-1', 'X-101', excelDate('2026-03-31'), 'HDPE', 10, '镇海库'], ['xi-9', 'X-103', excelDate('2026-03-31'), 'HDPE', 5, '镇海库']]), 'multipart', ZH);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ stage: 'check', errors: [{ line: 3, field: 'customerId', message: '第 3 行「客户编号」：客户 xi-9 不存在' }] });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('R-PRIN-4: receipts from the bank\'s workbook: credits recorded on their payer; debits skipped', async () => {
    const sheet = await workbookOf([
      BANK_HEADER,
      ['T001', excelDate('2026-03-31'), '宁波甬兴塑业有限公司', '3901110000001111', null, 1200000, '货款'],
      ['T002', '20260331', '余姚华丰塑料厂', '6222000011112222', null, 50000.5, '预付款'],
      ['T003', excelDate('2026-03-31'), '宁波港务', '3901000000009999', 88, null, '手续费'],
    ]);
    const res = await upload(api, '/receipts/import', await api.tokenFor('finance'), sheet, 'raw');
    expect([res.status, res.body]).toEqual([200, expect.objectContaining({ ok: true, rows: 2, recorded: 2, skippedLines: [4] })]);
    expect(res.body.matches).toEqual([{ line: 2, customerId: 'xi-1', by: 'account' }, { line: 3, customerId: 'xi-2', by: 'name' }]);
    expect((await events('xi-1', 'ReceiptRecorded')).map((e) => [e.data.receiptId, e.data.amountFen, e.data.receivedOn])).toEqual([['bank-T001', 120_000_000, '2026-03-31']]);
    expect((await events('xi-2', 'ReceiptRecorded')).map((e) => e.data.amountFen)).toEqual([5_000_050]);
  });

  it('R-PRIN-4: a bank workbook with a bad amount and an unknown payer records nothing and names each row in Chinese', async () => {
    const head = await api.store.headPosition();
    const badAmount = await workbookOf([BANK_HEADER, ['T010', excelDate('2026-03-31'), '余姚华丰塑料厂', '3901-1100-0000-2222', null, 1000, '货款'], ['T011', excelDate('2026-03-31'), '宁波甬兴塑业有限公司', '3901110000001111', null, 12.345, '货款']]);
    const refused = await upload(api, '/receipts/import', await api.tokenFor('finance'), badAmount, 'multipart', ZH);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ line: 3, field: 'amount', message: '第 3 行「贷方金额」：「12.345」不是金额（元，最多 2 位小数）' })]);
    const unknownPayer = await workbookOf([BANK_HEADER, ['T010', excelDate('2026-03-31'), '余姚华丰塑料厂', '3901-1100-0000-2222', null, 1000, '货款'], ['T012', excelDate('2026-03-31'), '不认识的公司', '1234567890', null, 500, '货款']]);
    const unmatched = await upload(api, '/receipts/import', await api.tokenFor('finance'), unknownPayer, 'raw', ZH);
    expect(unmatched.status).toBe(400);
    expect(unmatched.body).toMatchObject({ stage: 'match', line: 3, field: 'payerAccount' });
    expect(unmatched.body.errors[0].message).toBe('第 3 行「对方账号」：没有客户从账号 1234567890 付款，也没有名为「不认识的公司」的客户（R-PRIN-4）');
    // in English when not asked otherwise: the same rows, the parser's own words
    const english = await upload(api, '/receipts/import', await api.tokenFor('finance'), unknownPayer, 'raw');
    expect(english.body.errors[0]).toMatchObject({ line: 3, field: 'payerAccount', message: 'no customer pays from account 1234567890 or is named 不认识的公司' });
    expect(await api.store.headPosition()).toBe(head);
  });

  it('a file that only looks like a workbook is refused naming the body; only finance imports receipts, from any file', async () => {
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')]);
    const broken = await upload(api, '/pickups/import', await api.tokenFor('sales'), fake, 'raw');
    expect([broken.status, broken.body.field]).toEqual([400, 'body']);
    expect(broken.body.message).toContain('not a readable .xlsx workbook');
    const sheet = await workbookOf([BANK_HEADER, ['T020', excelDate('2026-03-31'), '余姚华丰塑料厂', '3901-1100-0000-2222', null, 1000, '货款']]);
    expect((await upload(api, '/receipts/import', await api.tokenFor('sales'), sheet, 'multipart')).status).toBe(403);
  });
});
