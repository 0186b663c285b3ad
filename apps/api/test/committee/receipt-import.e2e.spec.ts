import { archive, openCustomer } from '../customers/customer-fixtures';
import { describeEachEngine } from '../support/each-engine';
import { startTestApi, type TestApi } from '../support/test-api';

const invoicing = (accountNumber: string) => ({ bank: '工商银行宁波分行', accountNumber, address: '宁波市北仑区', telephone: '0574-8888-0000' });
const HEADER = '交易流水号,交易日期,对方户名,对方账号,借方金额,贷方金额,摘要';
const statement = (rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}`;

/**
 * R-PRIN-4 款到发货 over HTTP: finance imports the bank's transaction export; each credit becomes a
 * receipt on the account of the customer paying from that account (or, failing that, of that name).
 */
describeEachEngine('bank statement import of prepayment receipts (R-PRIN-4)', (engine) => {
  let api: TestApi;
  jest.setTimeout(60_000);
  const importAs = async (user: string, csv: string) => api.request('POST', '/receipts/import', { token: await api.tokenFor(user), body: csv, headers: { 'content-type': 'text/csv' } });
  const balance = async (customerId: string) => (await api.store.readStream(`customer-${customerId}`)).filter((e) => e.type === 'ReceiptRecorded').reduce((s, e) => s + Number(e.data.amountFen), 0);

  beforeAll(async () => {
    api = await startTestApi({ start: '2026-10-09T02:00:00.000Z', engine });
    await openCustomer(api, archive('bk-1', { name: '宁波甬兴塑业有限公司', invoicing: invoicing('3901-1100-0000-1111') }));
    await openCustomer(api, archive('bk-2', { name: '余姚华丰塑料厂', invoicing: invoicing('3901-1100-0000-2222') }));
    api.clock.set('2026-10-12T02:00:00.000Z');
  });
  afterAll(() => api?.close());

  it('R-PRIN-4: credits are recorded on the payer\'s account (by account, else by name); debits are skipped; the same statement twice records nothing new', async () => {
    const csv = statement([
      'T20261010001,2026-10-10,宁波甬兴塑业有限公司,3901110000001111,,"1,200,000.00",货款',
      'T20261010002,2026/10/11,余姚华丰塑料厂,6222000011112222,,50000.5,预付款',
      'T20261010003,20261011,宁波港务,3901000000009999,88.00,,手续费',
    ]);
    const first = await importAs('finance', csv);
    if (first.status !== 200) throw new Error(JSON.stringify(first.body));
    expect(first.body).toMatchObject({ ok: true, rows: 2, recorded: 2, unchanged: 0, skippedLines: [4] });
    expect(first.body.matches).toEqual([{ line: 2, customerId: 'bk-1', by: 'account' }, { line: 3, customerId: 'bk-2', by: 'name' }]);
    expect(await balance('bk-1')).toBe(120_000_000);
    expect(await balance('bk-2')).toBe(5_000_050);
    const receipt = (await api.store.readStream('customer-bk-1')).find((e) => e.type === 'ReceiptRecorded');
    expect(receipt?.data).toMatchObject({ receiptId: 'bank-T20261010001', productLine: 'polyolefin', receivedOn: '2026-10-10', reference: '货款（宁波甬兴塑业有限公司）', recordedBy: 'finance' });
    const again = await importAs('finance', csv);
    expect(again.body).toMatchObject({ ok: true, recorded: 0, unchanged: 2 });
    expect(await balance('bk-1')).toBe(120_000_000);
  });

  it('R-PRIN-4: an unknown payer or a bad amount refuses the whole statement naming every line; nothing is recorded', async () => {
    const csv = statement([
      'T20261012001,2026-10-12,余姚华丰塑料厂,3901-1100-0000-2222,,1000.00,货款',
      'T20261012002,2026-10-12,不认识的公司,1234567890,,500.00,货款',
      'T20261012003,2026-10-12,宁波甬兴塑业有限公司,3901110000001111,,12.345,货款',
    ]);
    const refused = await importAs('finance', csv);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ line: 4, field: 'amount' })]);
    const unknown = await importAs('finance', statement(['T20261012001,2026-10-12,余姚华丰塑料厂,3901-1100-0000-2222,,1000.00,货款', 'T20261012002,2026-10-12,不认识的公司,1234567890,,500.00,货款']));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ stage: 'match', field: 'payerAccount', line: 3 });
    expect(unknown.body.errors[0].message).toContain('no customer pays from account 1234567890');
    expect(await balance('bk-2')).toBe(5_000_050);
  });

  it('R-PRIN-4: only finance imports receipts', async () => {
    const csv = statement(['T20261012009,2026-10-12,余姚华丰塑料厂,3901-1100-0000-2222,,1000.00,货款']);
    for (const user of ['manager', 'sales', 'gm']) expect((await importAs(user, csv)).status).toBe(403);
    expect(await balance('bk-2')).toBe(5_000_050);
  });
});
