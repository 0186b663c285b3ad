import { type CsvRecord, recordsOf, type TabularInput } from './csv-records';
import { isCalendarDate } from './shanghai-time';

/** The columns of a bank's transaction export (交易明细) that a receipt needs. */
export const BANK_STATEMENT_COLUMNS = ['transactionId', 'date', 'payerName', 'payerAccount', 'amount', 'memo'] as const;
export type BankStatementColumn = (typeof BANK_STATEMENT_COLUMNS)[number];
const OPTIONAL: readonly BankStatementColumn[] = ['memo'];

/** Header names as the banks' exports spell them (工行、建行、农行…) and the English ones. */
const HEADER_ALIASES: Record<string, BankStatementColumn> = {
  transactionid: 'transactionId', 交易流水号: 'transactionId', 流水号: 'transactionId', 交易序号: 'transactionId', 凭证号: 'transactionId',
  date: 'date', 交易日期: 'date', 日期: 'date', 记账日期: 'date',
  payername: 'payerName', 对方户名: 'payerName', 对方单位: 'payerName', 付款人名称: 'payerName', 付款人: 'payerName',
  payeraccount: 'payerAccount', 对方账号: 'payerAccount', 付款人账号: 'payerAccount', 对方账户: 'payerAccount',
  amount: 'amount', 贷方金额: 'amount', 收入金额: 'amount', 转入金额: 'amount', 收入: 'amount',
  memo: 'memo', 摘要: 'memo', 附言: 'memo', 用途: 'memo', 备注: 'memo',
};

/** The bank's transaction id is the receipt id (R-PRIN-4): a receipt typed in and the same credit imported later are one receipt. */
export const receiptIdOf = (transactionId: string): string => `bank-${transactionId}`;

/** The downloadable template's header: the bank's own column names, each one the parser reads back (HEADER_ALIASES). */
export const BANK_STATEMENT_TEMPLATE_HEADERS: Readonly<Record<BankStatementColumn, string>> = {
  transactionId: '交易流水号', date: '交易日期', payerName: '对方户名', payerAccount: '对方账号', amount: '贷方金额', memo: '摘要',
};

/** The receipt import's template: a UTF-8 BOM (Excel opens the Chinese headers as UTF-8) and the header row only, no sample credit. */
export function bankStatementCsvTemplate(): string {
  return `\uFEFF${BANK_STATEMENT_COLUMNS.map((c) => BANK_STATEMENT_TEMPLATE_HEADERS[c]).join(',')}\r\n`;
}

export interface BankStatementRow {
  line: number;
  transactionId: string;
  date: string;
  payerName: string;
  payerAccount: string;
  /** yuan, two decimals */
  amount: number;
  memo: string;
}
export interface BankStatementError {
  line: number;
  field: string;
  message: string;
}
export interface BankStatementResult {
  rows: BankStatementRow[];
  /** lines without a credit (payments out, fees): not receipts, skipped */
  skipped: number[];
  errors: BankStatementError[];
}

/**
 * Parses a bank statement export for R-PRIN-4's receipts: each credit line is a payment received.
 * Every problem is reported with its line, because the import refuses the whole file when any row
 * errs. Lines whose credit column is empty or zero (payments out) are skipped and named.
 */
export function parseBankStatementCsv(input: TabularInput, options: { maxRows?: number } = {}): BankStatementResult {
  const { records, unterminatedAt } = recordsOf(input);
  const fail = (line: number, field: string, message: string): BankStatementResult => ({ rows: [], skipped: [], errors: [{ line, field, message }] });
  if (unterminatedAt !== null) return fail(unterminatedAt, 'row', 'a quoted field is never closed');
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonEmpty.length === 0) return fail(1, 'header', 'the file is empty');
  const [header, ...body] = nonEmpty;
  const columns = readHeader(header);
  if ('errors' in columns) return { rows: [], skipped: [], errors: columns.errors };
  const maxRows = options.maxRows ?? 50_000;
  if (body.length > maxRows) return fail(body[maxRows].line, 'row', `more than ${maxRows} rows`);
  const rows: BankStatementRow[] = [];
  const skipped: number[] = [];
  const errors: BankStatementError[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const parsed = readRow(record, columns.index, header.fields.length);
    if (parsed === 'not-a-credit') skipped.push(record.line);
    else if ('errors' in parsed) errors.push(...parsed.errors);
    else if (seen.has(parsed.transactionId)) errors.push({ line: record.line, field: 'transactionId', message: `transaction ${parsed.transactionId} already appears on line ${seen.get(parsed.transactionId)}` });
    else {
      seen.set(parsed.transactionId, record.line);
      rows.push(parsed);
    }
  }
  return errors.length > 0 ? { rows: [], skipped: [], errors } : { rows, skipped, errors };
}

function readHeader(header: CsvRecord): { index: Partial<Record<BankStatementColumn, number>> } | { errors: BankStatementError[] } {
  const index: Partial<Record<BankStatementColumn, number>> = {};
  const errors: BankStatementError[] = [];
  header.fields.forEach((name, i) => {
    const column = HEADER_ALIASES[name.trim().toLowerCase()] ?? HEADER_ALIASES[name.trim()];
    if (!column) return;
    if (index[column] !== undefined) errors.push({ line: header.line, field: column, message: `column ${column} appears twice` });
    index[column] = i;
  });
  for (const column of BANK_STATEMENT_COLUMNS) {
    if (index[column] === undefined && !OPTIONAL.includes(column)) errors.push({ line: header.line, field: column, message: `missing column ${column}` });
  }
  return errors.length > 0 ? { errors } : { index };
}

function readRow(record: CsvRecord, index: Partial<Record<BankStatementColumn, number>>, width: number): BankStatementRow | 'not-a-credit' | { errors: BankStatementError[] } {
  const { line, fields } = record;
  if (fields.length !== width) return { errors: [{ line, field: 'row', message: `expected ${width} fields, found ${fields.length}` }] };
  const raw = (column: BankStatementColumn) => (index[column] === undefined ? '' : fields[index[column] as number].trim());
  const amountText = raw('amount').replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (amountText === '' || /^[-+]?0+(\.0+)?$/.test(amountText)) return 'not-a-credit';
  const errors: BankStatementError[] = [];
  const text = (column: BankStatementColumn, max: number, required = true): string => {
    const value = raw(column);
    if (required && value === '') errors.push({ line, field: column, message: 'is empty' });
    else if (value.length > max) errors.push({ line, field: column, message: `is longer than ${max} characters` });
    return value;
  };
  const amount = /^\d+(\.\d{1,2})?$/.test(amountText) ? Number(amountText) : NaN;
  if (Number.isNaN(amount)) errors.push({ line, field: 'amount', message: `"${raw('amount')}" is not an amount in yuan with at most 2 decimals` });
  const row = {
    line,
    transactionId: text('transactionId', 80),
    date: readDate(raw('date'), (message) => errors.push({ line, field: 'date', message })),
    payerName: text('payerName', 200),
    payerAccount: text('payerAccount', 60),
    amount,
    memo: text('memo', 200, false),
  };
  return errors.length > 0 ? { errors } : row;
}

/** 2026-03-05, 2026/3/5 and 20260305 (bank exports) → YYYY-MM-DD. */
function readDate(raw: string, fail: (message: string) => void): string {
  const match = /^(\d{4})[-/]?(\d{1,2})[-/]?(\d{1,2})(?:[ T].*)?$/.exec(raw);
  const date = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : '';
  if (!isCalendarDate(date)) fail(`"${raw}" is not a date (YYYY-MM-DD)`);
  return date;
}
