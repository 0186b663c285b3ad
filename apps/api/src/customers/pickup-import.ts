import { type CustomerCommand, type CustomerContext, customerWorkflow, type CustomerServices, parsePickupCsv, type PickupCsvRow, type TabularInput } from '@crm/customers';
import { type CommandResult, loadStream } from '@crm/engine';
import type { EventStore } from '@crm/event-store';
import type { PickupScope } from './prepayment-facts';
import { type Actor, decideOnWorkflow } from '@crm/workflow-kit';

export interface ImportRowError {
  line: number;
  field: string;
  message: string;
  /** the policy rule that refused the row, when the customer's workflow refused it */
  rule?: string;
}

export type PickupImportReport =
  | { ok: true; rows: number; recorded: number; unchanged: number; customers: number; position: number }
  | { ok: false; stage: 'parse' | 'check' | 'write'; errors: ImportRowError[]; recorded: number };

export interface PickupImportOptions {
  store: EventStore;
  /** the decider's services for rows at these warehouses, by these customers, in these months (R-PRIN-4's, R-ARC-5's and R-ALLOC-2's facts are read for them) */
  servicesFor(scope: PickupScope): Promise<CustomerServices>;
  actor: Actor;
  now: string;
  /** how one row's command is executed (API: the CQRS bus; CLI: the engine), with its customer's facts */
  execute: ExecuteRow;
  /** R-KAM-2 or other access rules: a message when the actor may not touch this customer */
  refuse?(customerId: string, context: CustomerContext): string | null;
  onProgress?(done: number, total: number): void;
}

/**
 * Bulk pickups, all or nothing on row errors: the file is parsed, then every row is decided
 * against its customer's replayed stream (the same decider, nothing written), and only when no
 * row errs is each one recorded. Streams are separate, so a concurrent change between the check
 * and the writes can still stop the import part-way: it says how far it got, and re-running the
 * same file completes it (a pickup already recorded with the same data is a no-op).
 */
export async function importPickups(input: TabularInput, options: PickupImportOptions): Promise<PickupImportReport> {
  const parsed = parsePickupCsv(input);
  if (parsed.errors.length > 0) return { ok: false, stage: 'parse', errors: parsed.errors, recorded: 0 };
  const commands = parsed.rows.map((row) => ({ row, command: commandOf(row, options) }));
  const services = await options.servicesFor(scopeOf(parsed.rows));
  const errors = await dryRun(commands, options, services);
  if (errors.length > 0) return { ok: false, stage: 'check', errors, recorded: 0 };
  const written = await recordEach(commands, options.execute, { servicesFor: (rows) => options.servicesFor(scopeOf(rows)), onProgress: options.onProgress });
  if ('error' in written) return { ok: false, stage: 'write', errors: [written.error], recorded: written.recorded };
  const customers = new Set(parsed.rows.map((r) => r.customerId)).size;
  return { ok: true, rows: commands.length, recorded: written.recorded, unchanged: commands.length - written.recorded, customers, position: written.position };
}

/** What a set of rows touches; also what one row's write needs (its own scope). */
export function scopeOf(rows: ReadonlyArray<Pick<PickupCsvRow, 'warehouse' | 'customerId' | 'date'>>): PickupScope {
  const distinct = (pick: (row: (typeof rows)[number]) => string) => [...new Set(rows.map(pick))];
  return { warehouses: distinct((r) => r.warehouse), customers: distinct((r) => r.customerId), months: distinct((r) => r.date.slice(0, 7)) };
}

function commandOf(row: PickupCsvRow, options: PickupImportOptions): CustomerCommand {
  const data = { pickupId: row.pickupId, date: row.date, product: row.product, tonnes: row.tonnes, warehouse: row.warehouse };
  return { type: 'RecordPickup', data, meta: { actor: options.actor, now: options.now } } as CustomerCommand;
}

/** How one checked row is written; `services` are its customer's group's facts when the import loads them. */
export type ExecuteRow = (customerId: string, command: CustomerCommand, services?: CustomerServices) => Promise<CommandResult>;

export interface RecordOptions<R extends ImportRow> {
  /** the decider's facts for one customer's rows, read once before that customer's rows are written */
  servicesFor?(rows: readonly R[]): Promise<CustomerServices>;
  onProgress?(done: number, total: number): void;
  /** customers written at once (default 8): their appends share a commit (group commit, ADR 0029) */
  lanes?: number;
}

const LANES = 8;

/**
 * The write stage of an import: a customer's rows together, in file order among themselves, so
 * that each customer's stream is read once and stays in the stream cache while its rows are
 * written (rows in any order over many customers would otherwise replay evicted streams from
 * zero). Several customers are written at once, each by one lane, so that their appends commit in
 * one group instead of one fsync per row; every row is still its own command, decided by the
 * customer's workflow with every rule. The facts (catalogue, price books, contracts, allocations)
 * are read once per customer, just before its rows. The first refusal stops every lane after its
 * current row, saying how many were recorded (a re-run of the same file completes it, recorded
 * rows being no-ops).
 */
export async function recordEach<R extends ImportRow>(
  commands: ReadonlyArray<{ row: R; command: CustomerCommand }>,
  execute: ExecuteRow,
  options: RecordOptions<R> = {},
): Promise<{ recorded: number; position: number } | { error: ImportRowError; recorded: number }> {
  const waiting = [...customerGroups(commands).values()];
  let recorded = 0;
  let position = 0;
  let done = 0;
  let failure: ImportRowError | null = null;
  const writeGroup = async (group: ReadonlyArray<{ row: R; command: CustomerCommand }>) => {
    const services = options.servicesFor ? await options.servicesFor(group.map((c) => c.row)) : undefined;
    for (const { row, command } of group) {
      if (failure) return;
      try {
        const result = await execute(row.customerId, command, services);
        if (result.events.length > 0) recorded++;
        position = Math.max(position, result.position);
      } catch (error) {
        failure ??= rowError(row, error);
        return;
      }
      options.onProgress?.(++done, commands.length);
    }
  };
  const lane = async () => {
    for (let group = waiting.shift(); group && !failure; group = waiting.shift()) {
      await writeGroup(group).catch((error: unknown) => void (failure ??= rowError(group[0].row, error)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.lanes ?? LANES, waiting.length) }, lane));
  return failure ? { error: failure, recorded } : { recorded, position };
}

/** The rows grouped by customer, customers in the order they first appear, each one's rows in file order. */
export function customerGroups<T extends { row: ImportRow }>(commands: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const command of commands) {
    const group = groups.get(command.row.customerId);
    if (group) group.push(command);
    else groups.set(command.row.customerId, [command]);
  }
  return groups;
}

/** A row of an import file, as far as the dry run needs it. */
export type ImportRow = { line: number; customerId: string };

/**
 * Decides every row against its customer's replayed stream, writing nothing; every refusal is
 * reported with its line, in file order. A customer's rows are decided together, in file order
 * among themselves (so they see each other), one customer after another: only one customer's
 * state is held at a time, and each intermediate state is garbage at once instead of living until
 * that customer's next row somewhere further down a shuffled file.
 */
export async function dryRun(commands: Array<{ row: ImportRow; command: CustomerCommand }>, options: Pick<PickupImportOptions, 'store' | 'refuse'>, services: CustomerServices | undefined): Promise<ImportRowError[]> {
  const errors: ImportRowError[] = [];
  for (const [customerId, group] of customerGroups(commands)) {
    const stream = await openStream(customerId, options);
    if (!stream || stream.refusal) {
      for (const { row } of group) {
        errors.push(stream ? { line: row.line, field: 'customerId', message: stream.refusal as string, rule: 'R-KAM-2' } : { line: row.line, field: 'customerId', message: `no customer ${customerId}` });
      }
      continue;
    }
    let snapshot = stream.snapshot;
    for (const { row, command } of group) {
      try {
        snapshot = decideOnWorkflow(customerWorkflow, snapshot, stream.revision, command, services).after;
      } catch (error) {
        errors.push(rowError(row, error));
      }
    }
  }
  return errors.sort((a, b) => a.line - b.line);
}

async function openStream(customerId: string, options: Pick<PickupImportOptions, 'store' | 'refuse'>) {
  const stream = await loadStream(options.store, customerWorkflow, customerId);
  if (stream.revision === null) return null;
  const refusal = options.refuse?.(customerId, stream.state.context as CustomerContext) ?? null;
  return { snapshot: stream.snapshot, revision: stream.revision, refusal };
}

export function rowError(row: ImportRow, error: unknown): ImportRowError {
  const e = error as { message?: string; ruleId?: string; field?: string; name?: string };
  const field = e.field?.startsWith('data.') ? e.field.slice(5) : 'row';
  return { line: row.line, field, message: e.message ?? String(error), ...(e.ruleId ? { rule: e.ruleId } : e.name === 'TransitionNotAllowed' ? { rule: 'STATE' } : {}) };
}
