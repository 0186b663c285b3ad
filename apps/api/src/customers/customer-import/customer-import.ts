import { customerWorkflow, type CustomerServices, type ProductLine, type TabularInput, shanghaiDate } from '@crm/customers';
import type { WorkflowEngine } from '@crm/engine';
import { type IdentityReservationContext, type IdentityReservationServices, identityReservationWorkflow } from '@crm/onboarding';
import type { Actor, AnyCommand, CommandMeta } from '@crm/workflow-kit';
import { columnOfField, zhRefusal } from './customer-import.messages';
import { type ImportedRow, type ImportRowError, parseCustomerImport } from './customer-import.rows';

export type { ImportRowError } from './customer-import.rows';

export interface CustomerImportOptions {
  /** its guards must include the people guard: an imported archive's manager is an active customer manager (R-KAM-2) */
  engine: WorkflowEngine;
  /** a system actor: the company's hand-over to its customer is the system's (as onboarding's is) */
  actor: Actor;
  now: string;
  /** the file as the events will name it */
  origin: { file: string; sha256: string };
  services: CustomerServices;
  /** check everything, write nothing */
  dryRun?: boolean;
  onProgress?(done: number, total: number): void;
}

/** A registration the file opens (or opened on an earlier run). */
export interface PlannedRegistration {
  line: number;
  customerId: string;
  name: string;
  productLine: ProductLine;
  customerManagerId: string;
  documents: number;
  /** opened by an earlier run of a file with this company and line: nothing is written for it */
  existing: boolean;
}

export interface CustomerImportReport {
  /** no row has a problem (and, for a real run, every row is on record) */
  ok: boolean;
  /** how far it got: `check` refused the file (nothing written); `write` stopped part-way (re-run to complete) */
  stage: 'check' | 'write' | 'done';
  dryRun: boolean;
  /** data rows in the file */
  rows: number;
  planned: PlannedRegistration[];
  created: number;
  existing: number;
  errors: ImportRowError[];
}

/**
 * Brings a company's existing customer archives in, all or nothing per file: every row is read and
 * checked by the customer workflow's own opening (OpenCustomerArchive: class, grade, admission,
 * documents, the manager) and by the company's identity ledger (HandOverIdentity: ONB-DUPLICATE per
 * line), writing nothing; only when no row has a problem is each one written, the company's
 * hand-over first (the fence against a second registration for the line), then its archive. Ids,
 * idempotency keys and event ids come from company + line, so a re-run writes nothing for what is
 * on record and completes a run that stopped part-way.
 */
export async function importCustomers(input: TabularInput, options: CustomerImportOptions): Promise<CustomerImportReport> {
  const parsed = parseCustomerImport(input, shanghaiDate(options.now));
  const checked = await checkRows(parsed.rows, options, parsed.headerFor);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  const rows = parsed.rows.length + new Set(parsed.errors.map((e) => e.line)).size;
  const report = { dryRun: options.dryRun ?? false, rows, planned: checked.planned, created: 0, existing: checked.planned.filter((p) => p.existing).length, errors };
  if (errors.length > 0) return { ...report, ok: false, stage: 'check' };
  if (options.dryRun) return { ...report, ok: true, stage: 'done' };
  const byId = new Map(parsed.rows.map((r) => [r.customerId, r]));
  let created = 0;
  for (const [index, plan] of checked.planned.entries()) {
    const row = byId.get(plan.customerId) as ImportedRow;
    try {
      if (await writeRow(row, plan.existing, options)) created++;
    } catch (error) {
      const refusal = zhRefusal(error);
      const failure = { line: row.line, field: parsed.headerFor(columnOfField((error as { field?: string }).field, row.archive)), ...refusal };
      return { ...report, ok: false, stage: 'write', created, errors: [failure] };
    }
    options.onProgress?.(index + 1, checked.planned.length);
  }
  return { ...report, ok: true, stage: 'done', created };
}

function metaOf(row: ImportedRow, options: CustomerImportOptions, purpose: string): CommandMeta {
  return {
    actor: options.actor, now: options.now, idempotencyKey: `import:${row.customerId}:${purpose}`,
    correlationId: `import:${options.origin.sha256.slice(0, 16)}`, importedFrom: { ...options.origin, line: row.line },
  };
}

const openCommand = (row: ImportedRow, options: CustomerImportOptions): AnyCommand => ({ type: 'OpenCustomerArchive', data: row.archive, meta: metaOf(row, options, 'archive') });

const handOverCommand = (row: ImportedRow, options: CustomerImportOptions): AnyCommand => ({
  type: 'HandOverIdentity',
  data: { identityKey: row.identityKey, applicationId: row.archive.applicationId, customerId: row.customerId, productLine: row.archive.productLine },
  meta: metaOf(row, options, 'identity'),
});

const streamOf = (customerId: string) => `${customerWorkflow.streamPrefix}-${customerId}`;

/** Each row decided as it would be written, nothing stored; every refusal named by line and column. */
async function checkRows(rows: readonly ImportedRow[], options: CustomerImportOptions, headerFor: (key: string) => string) {
  const planned: PlannedRegistration[] = [];
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const existing = (await options.engine.store.streamRevision(streamOf(row.customerId))) !== null;
    try {
      await options.engine.dryRun(identityReservationWorkflow, row.identityKey, handOverCommand(row, options), await reservationServices(options.engine, row.identityKey));
      if (!existing) await options.engine.dryRun(customerWorkflow, row.customerId, openCommand(row, options), options.services);
      const { archive } = row;
      planned.push({ line: row.line, customerId: row.customerId, name: archive.name, productLine: archive.productLine, customerManagerId: archive.customerManagerId, documents: archive.documents.length, existing });
    } catch (error) {
      errors.push({ line: row.line, field: headerFor(columnOfField((error as { field?: string }).field, row.archive)), ...zhRefusal(error) });
    }
  }
  return { planned, errors };
}

/** The hand-over, then the archive; true when the archive was opened now. */
async function writeRow(row: ImportedRow, existing: boolean, options: CustomerImportOptions): Promise<boolean> {
  await options.engine.execute(identityReservationWorkflow, row.identityKey, handOverCommand(row, options), await reservationServices(options.engine, row.identityKey));
  if (existing) return false;
  const opened = await options.engine.execute(customerWorkflow, row.customerId, openCommand(row, options), options.services);
  return opened.events.length > 0 && !opened.replayed;
}

/** The ledger's customers handed over before lines were recorded are registered for their archive's line (ADR 0020). */
async function reservationServices(engine: WorkflowEngine, identityKey: string): Promise<IdentityReservationServices> {
  const { state } = await engine.load(identityReservationWorkflow, identityKey);
  const lines = new Map<string, ProductLine>();
  for (const { customerId, productLine } of (state.context as IdentityReservationContext | undefined)?.customers ?? []) {
    if (productLine) continue;
    const archive = await engine.load(customerWorkflow, customerId);
    const line = (archive.state.context as { productLine?: ProductLine | null } | undefined)?.productLine;
    if (line) lines.set(customerId, line);
  }
  return {
    // a hand-over never asks who holds a reservation: it is refused when anyone else does
    holderOf: (applicationId) => {
      throw new Error(`the holder ${applicationId} is not read by an import`);
    },
    lineOfCustomer: (customerId) => {
      const line = lines.get(customerId);
      if (!line) throw new Error(`the archive of ${customerId} was not read`);
      return line;
    },
  };
}
