import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { DEFAULT_CUSTOMER_SERVICES } from '@crm/customers';
import { WorkflowEngine } from '@crm/engine';
import type { Actor } from '@crm/workflow-kit';
// The import is application code over libraries (like the pickup import): it sits in the API, the CLI runs it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type CustomerImportReport, importCustomers } from '../../../api/src/customers/customer-import/customer-import';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { customerImportTemplate, customerImportTemplateCsv } from '../../../api/src/customers/customer-import/customer-import.template';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LINE_ZH } from '../../../api/src/customers/customer-import/customer-import.values';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { peopleGuard } from '../../../api/src/auth/people.guard';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { UserDirectory } from '../../../api/src/auth/user-directory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { isZip, readXlsxRecords } from '../../../api/src/spreadsheets/xlsx-reader';
import { type CliCommand, type CliIo, EXIT, parseArgs } from '../cli-command';
import { openStore, storeLocationOrExplain } from '../open-store';
import { ProgressBar } from '../progress-bar';

const USAGE = 'import-customers <file.xlsx|file.csv> [--dry-run] [--store <EVENT_STORE>] [--actor <operator id>] | import-customers --template <out.xlsx|out.csv>';

/** Existing customer archives from a workbook or CSV file, as imported events; all or nothing per file, idempotent. */
export const importCustomersCommand: CliCommand = {
  name: 'import-customers',
  summary: 'bring existing customer archives in (one row per company and product line); --dry-run lists what would be created and every problem; --template writes the template',
  usage: USAGE,
  async run(args, io) {
    const dryRun = args.includes('--dry-run');
    const { positional, options, unknown } = parseArgs(args.filter((a) => a !== '--dry-run'), ['store', 'actor', 'template']);
    if (options.template !== undefined && positional.length === 0 && unknown.length === 0) return writeTemplate(options.template, io);
    if (positional.length !== 1 || unknown.length > 0 || options.template !== undefined) {
      io.err(`usage: npm run cli -- ${USAGE}\n`);
      return EXIT.usage;
    }
    const location = storeLocationOrExplain(options.store, io);
    if (!location) return EXIT.usage;
    const bytes = readFileSync(positional[0]);
    const table = isZip(bytes) ? await readXlsxRecords(bytes) : bytes.toString('utf8');
    const store = await openStore(location);
    try {
      const actor: Actor = { id: options.actor ?? `cli:${userInfo().username}`, name: 'import-customers', roles: [], system: true };
      // the people guard reads the users' own streams: an imported archive's manager is an active customer manager (R-KAM-2)
      const engine = new WorkflowEngine(store, { guards: [peopleGuard(new UserDirectory(store))] });
      const bar = new ProgressBar((t) => io.err(t), 'opening archives', io.interactive);
      const report = await importCustomers(table, {
        engine, actor, dryRun, services: DEFAULT_CUSTOMER_SERVICES,
        now: (io.now?.() ?? new Date()).toISOString(),
        origin: { file: basename(positional[0]), sha256: createHash('sha256').update(bytes).digest('hex') },
        onProgress: (done, total) => bar.update(done, total),
      });
      return printReport(report, positional[0], io);
    } finally {
      await store.close();
    }
  },
};

async function writeTemplate(path: string, io: CliIo): Promise<number> {
  const csv = /\.csv$/i.test(path);
  writeFileSync(path, csv ? customerImportTemplateCsv() : await customerImportTemplate());
  io.out(`${path}: the customer import template (${csv ? 'CSV header' : 'sheets 客户档案, 填写说明, 示例'})\n`);
  return EXIT.ok;
}

function printReport(report: CustomerImportReport, file: string, io: CliIo): number {
  if (report.dryRun) {
    for (const p of report.planned) {
      const what = p.existing ? '已导入，不再建立' : '将建立';
      io.out(`${file}:${p.line}: ${what} ${p.customerId} ${p.name} ${LINE_ZH[p.productLine]} 客户经理 ${p.customerManagerId} 证照 ${p.documents} 份\n`);
    }
  }
  for (const e of report.errors) io.err(`${file}:${e.line}: 「${e.field}」：${e.message}\n`);
  const fresh = report.planned.length - report.existing;
  if (report.dryRun) {
    io.out(`dry run: ${report.rows} rows; ${fresh} would be created, ${report.existing} already on record, ${report.errors.length} problem(s); nothing was written\n`);
    return report.ok ? EXIT.ok : EXIT.failed;
  }
  if (report.ok) {
    io.out(`${file}: ${report.rows} rows; ${report.created} created, ${report.existing} already on record${report.created === 0 ? ' (nothing to create)' : ''}\n`);
    return EXIT.ok;
  }
  io.err(
    report.stage === 'write'
      ? `stopped after ${report.created} created; run the same file again to complete it (what is on record is not repeated)\n`
      : `${report.errors.length} problem(s); nothing was imported\n`,
  );
  return EXIT.failed;
}
