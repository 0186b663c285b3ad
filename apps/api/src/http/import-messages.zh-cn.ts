import type { Problem } from './problem';

/** A row error of a refused import, as pickup-import.ts and receipt-import.ts report it. */
export interface RowError {
  line: number;
  field: string;
  message: string;
  rule?: string;
}

/** The columns as the company's forms and the banks' exports head them. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  customerId: '客户编号', pickupId: '提货单号', date: '日期', product: '产品', tonnes: '吨数', warehouse: '仓库',
  transactionId: '交易流水号', payerName: '对方户名', payerAccount: '对方账号', amount: '贷方金额', memo: '摘要',
  header: '表头', row: '整行', body: '文件', productLine: '产品线', receivedOn: '收款日期',
};
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** The parsers' and the import's own messages (libs/customers pickup-csv.ts, bank-statement-csv.ts, match-payer.ts). */
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^is empty$/, () => '不能为空'],
  [/^is longer than (\d+) characters$/, (m) => `超过 ${m[1]} 个字符`],
  [/^missing column (\w+)$/, (m) => `缺少「${fieldLabel(m[1])}」列`],
  [/^column (\w+) appears twice$/, (m) => `「${fieldLabel(m[1])}」列出现了两次`],
  [/^expected (\d+) fields, found (\d+)$/, (m) => `应有 ${m[1]} 列，实际 ${m[2]} 列`],
  [/^a quoted field is never closed$/, () => '引号没有闭合'],
  [/^the file is empty$/, () => '文件是空的'],
  [/^more than (\d+) rows$/, (m) => `超过 ${m[1]} 行`],
  [/^"(.*)" is not a date \(YYYY-MM-DD\)$/s, (m) => `「${m[1]}」不是日期（应为 YYYY-MM-DD）`],
  [/^"(.*)" is not a tonnage with at most 3 decimals$/s, (m) => `「${m[1]}」不是吨数（最多 3 位小数）`],
  [/^must be more than 0$/, () => '必须大于 0'],
  [/^must be at most (\S+) t per pickup$/, (m) => `每次提货不能超过 ${m[1]} 吨`],
  [/^pickup (.+) already appears on line (\d+)$/s, (m) => `提货单 ${m[1]} 已在第 ${m[2]} 行出现`],
  [/^transaction (.+) already appears on line (\d+)$/s, (m) => `交易 ${m[1]} 已在第 ${m[2]} 行出现`],
  [/^"(.*)" is not an amount in yuan with at most 2 decimals$/s, (m) => `「${m[1]}」不是金额（元，最多 2 位小数）`],
  [/^no customer (\S+)$/, (m) => `客户 ${m[1]} 不存在`],
  [/^no customer pays from account (.+) or is named (.+)$/s, (m) => `没有客户从账号 ${m[1]} 付款，也没有名为「${m[2]}」的客户（R-PRIN-4）`],
  [/^account (\S+) is on file for (\d+) customers \((.+)\)$/s, (m) => `账号 ${m[1]} 登记在 ${m[2]} 个客户名下（${m[3]}），无法确定付款人（R-PRIN-4）`],
  [/^(\d+) customers are named (.+); record their account numbers to tell them apart$/s, (m) => `有 ${m[1]} 个客户名为「${m[2]}」，请登记其银行账号以便区分（R-PRIN-4）`],
];

/**
 * One row's error in Chinese, naming its line and column: the parsers' messages by pattern; a
 * refusal by the customer's workflow by its rule (the English specifics after a Chinese lead, as
 * every domain refusal); anything else keeps its English.
 */
export function zhRowError(error: RowError, byRule: (rule: string, message: string) => string | null): RowError {
  const pattern = PATTERNS.map(([re, zh]) => [re.exec(error.message), zh] as const).find(([m]) => m !== null);
  const text = pattern?.[0] ? pattern[1](pattern[0]) : ((error.rule && byRule(error.rule, error.message)) ?? error.message);
  return { ...error, message: `第 ${error.line} 行「${fieldLabel(error.field)}」：${text}` };
}

export const isRowErrors = (errors: unknown): errors is RowError[] =>
  Array.isArray(errors) && errors.every((e) => typeof e === 'object' && e !== null && typeof (e as RowError).line === 'number' && typeof (e as RowError).message === 'string');

/** A refused import's lead: nothing written, or how far the writes got (a re-run completes them). */
export function zhImportLead(problem: Problem): string {
  if (problem.stage === 'write') return `导入在记录 ${String(problem.recorded ?? 0)} 行后中止；重新导入同一文件即可完成`;
  return '文件有错误，未导入任何数据';
}
