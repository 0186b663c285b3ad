import { type CustomerCommand, matchPayer, parseBankStatementCsv, type PayerCandidate, receiptIdOf, type TabularInput } from '@crm/customers';
import type { CommandResult } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import type { Actor } from '@crm/workflow-kit';
import { dryRun, type ImportRowError, recordEach } from './pickup-import';

export interface ReceiptCustomer extends PayerCandidate {
  productLine: string;
}

export interface ReceiptImportOptions {
  store: EventStore;
  /** every customer a payment may come from, current to the store's head */
  customers(): Promise<ReceiptCustomer[]>;
  actor: Actor;
  now: string;
  execute(customerId: string, command: CustomerCommand): Promise<CommandResult>;
}

export type ReceiptImportReport =
  | { ok: true; rows: number; recorded: number; unchanged: number; skippedLines: number[]; matches: Array<{ line: number; customerId: string; by: 'account' | 'name' }>; position: number }
  | { ok: false; stage: 'parse' | 'match' | 'check' | 'write'; errors: ImportRowError[]; recorded: number };


/**
 * R-PRIN-4 款到发货: finance imports the bank statement; each credit becomes a receipt on the paying
 * customer's prepayment account. All or nothing on row errors: an unmatched payer or a refused row
 * stops the file before anything is written (parse → match → check → write, like the pickup import).
 */
export async function importReceipts(input: TabularInput, options: ReceiptImportOptions): Promise<ReceiptImportReport> {
  const parsed = parseBankStatementCsv(input);
  if (parsed.errors.length > 0) return { ok: false, stage: 'parse', errors: parsed.errors, recorded: 0 };
  const customers = await options.customers();
  const byId = new Map(customers.map((c) => [c.customerId, c]));
  const errors: ImportRowError[] = [];
  const matched = parsed.rows.flatMap((row) => {
    const match = matchPayer(row.payerAccount, row.payerName, customers);
    if ('problem' in match) {
      errors.push({ line: row.line, field: 'payerAccount', message: match.problem, rule: 'R-PRIN-4' });
      return [];
    }
    return [{ row, ...match }];
  });
  if (errors.length > 0) return { ok: false, stage: 'match', errors, recorded: 0 };
  const commands = matched.map(({ row, customerId }) => {
    const data = {
      receiptId: receiptIdOf(row.transactionId), productLine: byId.get(customerId)?.productLine, amount: row.amount, receivedOn: row.date,
      reference: (row.memo ? `${row.memo}（${row.payerName}）` : row.payerName).slice(0, 200),
    };
    return { row: { line: row.line, customerId }, command: { type: 'RecordReceipt', data, meta: { actor: options.actor, now: options.now } } as CustomerCommand };
  });
  const refused = await dryRun(commands, { store: options.store }, undefined);
  if (refused.length > 0) return { ok: false, stage: 'check', errors: refused, recorded: 0 };
  const written = await recordEach(commands, options.execute);
  if ('error' in written) return { ok: false, stage: 'write', errors: [written.error], recorded: written.recorded };
  const matches = matched.map(({ row, customerId, by }) => ({ line: row.line, customerId, by }));
  return { ok: true, rows: commands.length, recorded: written.recorded, unchanged: commands.length - written.recorded, skippedLines: parsed.skipped, matches, position: written.position };
}
