import { bankStatementCsvTemplate, matchPayer, parseBankStatementCsv } from '../src';

describe('bank statement export → receipts (R-PRIN-4 款到发货)', () => {
  it('R-PRIN-4: reads the banks\' Chinese headers, thousands separators, ¥ and compact dates; lines without a credit are skipped', () => {
    const csv = '\uFEFF流水号,记账日期,对方单位,对方账户,收入金额,附言\n A1 ,20261010,甲厂,6222-01,"¥1,000.50",货款\nA2,2026/10/11,乙厂,6222-02,,手续费\nA3,2026-10-11,丙厂,6222-03,0.00,冲正';
    expect(parseBankStatementCsv(csv)).toEqual({
      rows: [{ line: 2, transactionId: 'A1', date: '2026-10-10', payerName: '甲厂', payerAccount: '6222-01', amount: 1000.5, memo: '货款' }],
      skipped: [3, 4],
      errors: [],
    });
  });

  it('R-PRIN-4: the downloadable template starts with a BOM and its header is read back by the parser, one credit appended', () => {
    const template = bankStatementCsvTemplate();
    expect(template).toBe('\uFEFF交易流水号,交易日期,对方户名,对方账号,贷方金额,摘要\r\n');
    expect(parseBankStatementCsv(`${template}T-1,2026-10-10,甲厂,6222-01,"1,000.00",货款\r\n`)).toEqual({
      rows: [{ line: 2, transactionId: 'T-1', date: '2026-10-10', payerName: '甲厂', payerAccount: '6222-01', amount: 1000, memo: '货款' }], skipped: [], errors: [],
    });
  });

  it('R-PRIN-4: a missing column, a repeated transaction, a bad date or amount are each named with their line; no row is kept', () => {
    expect(parseBankStatementCsv('交易流水号,交易日期,对方户名,贷方金额\nA,2026-10-10,甲,1').errors).toEqual([{ line: 1, field: 'payerAccount', message: 'missing column payerAccount' }]);
    const bad = parseBankStatementCsv('交易流水号,交易日期,对方户名,对方账号,贷方金额\nA,2026-10-10,甲,1,5\nA,2026-10-10,甲,1,5\nB,2026-02-30,乙,2,5\nC,2026-10-10,丙,3,-5');
    expect(bad.rows).toEqual([]);
    expect(bad.errors.map((e) => [e.line, e.field])).toEqual([[3, 'transactionId'], [4, 'date'], [5, 'amount']]);
  });

  it('R-PRIN-4: the payer is found by account (digits only), else by a unique name; two candidates are never guessed between', () => {
    const customers = [
      { customerId: 'c1', name: '宁波甬兴（集团）', accountNumber: '3901-1111' },
      { customerId: 'c2', name: '余姚华丰', accountNumber: null },
      { customerId: 'c3', name: '余姚华丰', accountNumber: '3901 2222' },
    ];
    expect(matchPayer('39011111', '别名', customers)).toEqual({ customerId: 'c1', by: 'account' });
    expect(matchPayer('', '宁波甬兴(集团)', customers)).toEqual({ customerId: 'c1', by: 'name' });
    expect(matchPayer('39012222', '余姚华丰', customers)).toEqual({ customerId: 'c3', by: 'account' });
    expect(matchPayer('9999', '余姚华丰', customers)).toEqual({ problem: expect.stringContaining('2 customers are named 余姚华丰') });
    expect(matchPayer('9999', '无名', customers)).toEqual({ problem: expect.stringContaining('no customer pays from account 9999') });
  });
});
