import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { customerWorkflow, type CustomerServices, DEFAULT_CUSTOMER_SERVICES } from '@crm/customers';
import { WorkflowEngine } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
// The very import POST /pickups/import runs (dry run on the decider, then the writes). It sits in
// the API because it is application code over libraries only; move it to a library if a third
// caller appears.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { importPickups, type PickupImportReport } from '../../../api/src/customers/pickup-import';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadPrepaymentFacts, type PickupScope } from '../../../api/src/customers/prepayment-facts';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { isZip, readXlsxRecords } from '../../../api/src/spreadsheets/xlsx-reader';
import { type CliCommand, type CliIo, EXIT, parseArgs } from '../cli-command';
import { openStore, storeLocationOrExplain } from '../open-store';
import { incrementalContractIndex } from './contract-index';
import { ProgressBar } from '../progress-bar';

/** streams the import's engine keeps replayed: the customers being written (recordEach's lanes) with room to spare */
const IMPORT_STREAM_CACHE = 32;

const USAGE = 'import-pickups <file.csv|file.xlsx> [--store <EVENT_STORE>] [--actor <operator id>]';

/** Bulk pickups from a CSV or .xlsx file (told apart by its bytes): every row checked first, nothing recorded if any row errs. */
export const importPickupsCommand: CliCommand = {
  name: 'import-pickups',
  summary: 'record the pickups of a CSV or .xlsx file (customerId,pickupId,date,product,tonnes,warehouse); all or nothing on row errors',
  usage: USAGE,
  async run(args, io) {
    const { positional, options, unknown } = parseArgs(args, ['store', 'actor']);
    if (positional.length !== 1 || unknown.length > 0) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const location = storeLocationOrExplain(options.store, io);
    if (!location) return EXIT.usage;
    const bytes = readFileSync(positional[0]);
    const table = isZip(bytes) ? await readXlsxRecords(bytes) : bytes.toString('utf8');
    const store = await openStore(location);
    try {
      const actor: Actor = { id: options.actor ?? `cli:${userInfo().username}`, name: 'import-pickups', roles: [], system: true };
      // customers are written a few at a time, each one's rows together: a finished customer's stream is not read again, so few are kept
      const engine = new WorkflowEngine(store, { streamCacheSize: IMPORT_STREAM_CACHE });
      const bar = new ProgressBar((t) => io.err(t), 'recording pickups', io.interactive);
      // the CLI has no read models: a customer's contracts are found from the contract drafts, read once and then only what is new
      const contractIds = incrementalContractIndex(store);
      const servicesFor = async (scope: PickupScope): Promise<CustomerServices> => ({
        ...DEFAULT_CUSTOMER_SERVICES, prepayment: await loadPrepaymentFacts(engine, scope, contractIds),
      });
      const report = await importPickups(table, {
        store,
        servicesFor,
        actor,
        now: new Date().toISOString(),
        // importPickups reads the facts again for each customer's rows (a price may have changed since the check) and hands them in
        execute: (customerId, command, services) => engine.execute(customerWorkflow, customerId, command, services),
        onProgress: (done, total) => bar.update(done, total),
      });
      return printReport(report, positional[0], io);
    } finally {
      await store.close();
    }
  },
};

function printReport(report: PickupImportReport, file: string, io: CliIo): number {
  if (report.ok) {
    io.out(`${file}: ${report.rows} rows for ${report.customers} customers; ${report.recorded} recorded, ${report.unchanged} already on record\n`);
    return EXIT.ok;
  }
  for (const e of report.errors) io.err(`${file}:${e.line}: ${e.field}: ${e.message}${e.rule ? ` [${e.rule}]` : ''}\n`);
  io.err(
    report.stage === 'write'
      ? `stopped after ${report.recorded} recorded rows; run the same file again to complete it (recorded rows are not repeated)\n`
      : `${report.errors.length} error(s); nothing was imported\n`,
  );
  return EXIT.failed;
}
