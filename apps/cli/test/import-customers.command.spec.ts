import { writeFileSync } from 'node:fs';
import type { EventStore } from '@crm/event-store';
import { PostgresEventStore } from '@crm/event-store-postgres';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { createThrowawayDatabase, postgresAvailable, tempDir, type ThrowawayDatabase } from '@crm/testing';
import { Workbook } from 'exceljs';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { UserDirectory } from '../../api/src/auth/user-directory';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { templateHeaders } from '../../api/src/customers/customer-import/customer-import.columns';
import type { CliIo } from '../src/cli-command';
import { runCli } from '../src/main';
import { creditCode, customerRow, organisationCode, type SheetRow, workbookOf } from './support/customer-sheet';

interface Engine {
  url: string;
  open(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

function sqlite(): Engine {
  const dir = tempDir('crm-cli-import-');
  const path = dir.file('crm.db');
  return { url: `sqlite:${path}`, open: async () => SqliteEventStore.open(path), cleanup: async () => dir.remove() };
}

function postgres(database: ThrowawayDatabase): Engine {
  return { url: database.url, open: () => PostgresEventStore.connect(database.url), cleanup: () => database.drop() };
}

const engines: Array<[string, () => Promise<Engine>]> = [['a SQLite file', async () => sqlite()]];
if (postgresAvailable) engines.push(['PostgreSQL', async () => postgres(await createThrowawayDatabase())]);
else console.warn('!!! SKIPPED the PostgreSQL half of import-customers: PostgreSQL is not available');

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', interactive: false, env: {}, now: () => new Date('2026-03-02T02:00:00.000Z'), out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** `count` rows (≥ 200): 100 companies on both lines, the rest on one (polyolefin and other chemicals in turn). */
const generatedRows = (count: number): SheetRow[] => [
  ...Array.from({ length: 100 }, (_, n) => [customerRow(n, 'polyolefin'), customerRow(n, 'other_chemicals')]).flat(),
  ...Array.from({ length: count - 200 }, (_, i) => customerRow(100 + i, i % 2 === 0 ? 'polyolefin' : 'other_chemicals')),
];

/** 1,000 rows on SQLite; on PostgreSQL 250 in `npm test` and 1,000 in `npm run test:long` (a PostgreSQL run takes longer on a busy CI machine). */
const rowsOn = (name: string) => (name === 'PostgreSQL' ? Number(process.env.CUSTOMER_IMPORT_PG_ROWS ?? 250) : 1000);

/** Issue 19 "Migration": existing customer archives from a workbook, as imported events, through the archive's own opening. */
describe.each(engines)('npm run cli -- import-customers on %s', (name, start) => {
  const ROWS = rowsOn(name);
  let engine: Engine;
  let store: EventStore;
  let dir: ReturnType<typeof tempDir>;
  const run = async (...args: string[]) => {
    const io = capture();
    const code = await runCli(['import-customers', ...args, '--store', engine.url], io);
    return { code, out: io.stdout, err: io.stderr };
  };
  const sheet = async (name: string, rows: SheetRow[]) => {
    const path = dir.file(name);
    writeFileSync(path, await workbookOf(rows));
    return path;
  };

  beforeAll(async () => {
    engine = await start();
    store = await engine.open();
    dir = tempDir('crm-cli-sheets-');
    const users = new UserDirectory(store);
    const at = new Date('2026-03-01T00:00:00.000Z');
    for (const [username, roles] of [['manager', ['customer_manager']], ['manager2', ['customer_manager']], ['gone', ['customer_manager']], ['sales', ['sales_reviewer']]] as const) {
      await users.register({ username, name: username, roles: [...roles], password: 'demo1234' }, 'admin', at);
    }
    await users.append('gone', 'UserDisabled', { username: 'gone', reason: 'left the company' }, { by: 'admin', at, expectedRevision: 0 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    dir?.remove();
    await engine?.cleanup();
  });

  it(`R-ONB-4 / R-TIER-1: a dry run of ${ROWS} rows lists every registration and writes nothing; the real run opens each archive with its documents, marked as imported; a second run creates nothing`, async () => {
    const path = await sheet('客户档案.xlsx', generatedRows(ROWS));
    const before = await store.headPosition();
    const dry = await run(path, '--dry-run');
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out.match(/将建立 imp-/g)).toHaveLength(ROWS);
    expect(dry.out).toContain(`客户档案.xlsx:2: 将建立 imp-${organisationCode(0)}-polyolefin 宁波迁移0号化工有限公司 聚烯烃 客户经理 manager 证照 2 份`);
    expect(dry.out).toContain(`dry run: ${ROWS} rows; ${ROWS} would be created, 0 already on record, 0 problem(s); nothing was written`);
    expect(await store.headPosition()).toBe(before);

    const real = await run(path);
    expect({ code: real.code, out: real.out }).toEqual({ code: 0, out: `${path}: ${ROWS} rows; ${ROWS} created, 0 already on record\n` });
    expect(real.err).toContain(`opening archives: ${ROWS}/${ROWS} (100%)`);

    // every acknowledged row is a registration with its documents, its events marked with the file and the row
    for (const [index, row] of generatedRows(ROWS).entries()) {
      const line = row.产品线 === '聚烯烃' ? 'polyolefin' : 'other_chemicals';
      const n = index < 200 ? Math.floor(index / 2) : index - 100;
      const customerId = `imp-${organisationCode(n)}-${line}`;
      const [opened] = await store.readStream(`customer-${customerId}`, { maxCount: 1 });
      expect(opened?.type).toBe('CustomerArchiveOpened');
      expect(opened.metadata.importedFrom).toMatchObject({ file: '客户档案.xlsx', line: index + 2 });
      if (index % 97 === 0) {
        expect(opened.data).toMatchObject({
          customerId, productLine: line, name: `宁波迁移${n}号化工有限公司`, identifiers: { kind: 'unified', creditCode: creditCode(n) },
          documents: [
            expect.objectContaining({ documentId: 'doc-1', kind: 'business_licence', number: creditCode(n), validFrom: '2021-01-01', validUntil: '2035-12-31' }),
            expect.objectContaining({ documentId: 'doc-2', kind: '危险化学品经营许可证', validFrom: '2024-03-01', validUntil: '2027-02-28' }),
          ],
          ...(line === 'other_chemicals' ? { grade: null, admission: { checkedBy: 'sales', attestations: [expect.objectContaining({ criterion: 'producer_of_scale' }), expect.objectContaining({ criterion: 'good_funds_and_credit' })] } } : { grade: 'ordinary' }),
        });
      }
    }
    // the company's identity ledger records each line's customer, as onboarding's hand-over does
    const ledger = await store.readStream(`company-identity-${organisationCode(7)}`);
    expect(ledger.map((e) => [e.type, e.data.customerId, e.data.productLine, e.metadata.importedFrom !== undefined])).toEqual([
      ['IdentityHandedOver', `imp-${organisationCode(7)}-polyolefin`, 'polyolefin', true],
      ['IdentityHandedOver', `imp-${organisationCode(7)}-other_chemicals`, 'other_chemicals', true],
    ]);

    const head = await store.headPosition();
    const again = await run(path);
    expect({ code: again.code, out: again.out }).toEqual({ code: 0, out: `${path}: ${ROWS} rows; 0 created, ${ROWS} already on record (nothing to create)\n` });
    expect(await store.headPosition()).toBe(head);
    const dryAgain = await run(path, '--dry-run');
    expect(dryAgain.out).toContain(`dry run: ${ROWS} rows; 0 would be created, ${ROWS} already on record`);
  }, 300_000);

  it('lists every bad row by its line and column in Chinese, and imports nothing (also from CSV)', async () => {
    const n = 5000;
    const rows: SheetRow[] = [
      customerRow(n, 'polyolefin'),
      customerRow(n + 1, 'polyolefin', { 统一社会信用代码: '91330100ABCDEFGH1X' }),
      customerRow(n + 2, 'polyolefin', { 销售对象: '独家代理' }),
      customerRow(n + 3, 'other_chemicals', { '准入依据：资金与信誉良好': null }),
      customerRow(n + 4, 'polyolefin', { 客户等级: '三星客户' }),
      customerRow(n + 5, 'polyolefin', { 客户经理: 'nobody' }),
      customerRow(n + 6, 'polyolefin', { 客户经理: 'gone' }),
      customerRow(n + 7, 'polyolefin', { 客户经理: 'sales' }),
      customerRow(n + 8, 'polyolefin', { 证照1有效期至: '2025-12-31' }),
      customerRow(n, 'polyolefin'),
      customerRow(n + 9, 'other_chemicals', { 销售形式: '计划销售' }),
      customerRow(n + 10, 'polyolefin', { 证照2起始日期: '明年' }),
      customerRow(0, 'polyolefin'), // imported by the first test on this store (or, alone, a valid row)
    ];
    const before = await store.headPosition();
    const path = await sheet('有错.xlsx', rows);
    const expected = [
      '有错.xlsx:3: 「统一社会信用代码」：「91330100ABCDEFGH1X」不是有效的统一社会信用代码',
      '有错.xlsx:4: 「销售对象」：聚烯烃客户只有经销商和直销客户，没有独家代理（R-TIER-1）',
      '有错.xlsx:5: 「准入依据：资金与信誉良好」：其他化工产品的直销客户须有准入依据「资金与信誉良好」：未填写的不能导入（R-TIER-6）',
      '有错.xlsx:6: 「客户等级」：该类别的客户建档等级为「普通客户」，不能导入为「三星客户」',
      '有错.xlsx:7: 「客户经理」：「nobody」不是系统用户：客户经理须为在职的客户经理（客户经理制 R-KAM-2）',
      '有错.xlsx:8: 「客户经理」：「gone」的账号已停用',
      '有错.xlsx:9: 「客户经理」：「sales」不是客户经理',
      '有错.xlsx:10: 「证照1有效期至」：证照已于 2025-12-31 过期',
      '有错.xlsx:11: 「统一社会信用代码」：同一公司的同一产品线已在第 2 行出现',
      '有错.xlsx:12: 「销售形式」：其他化工产品客户不分网上竞价 / 计划销售，请留空（R-TIER-5）',
      '有错.xlsx:13: 「证照2起始日期」：「明年」不是日期（应为 YYYY-MM-DD）',
    ];
    for (const args of [[path, '--dry-run'], [path]]) {
      const result = await run(...args);
      expect(result.code).toBe(1);
      for (const message of expected) expect(result.err).toContain(message);
      expect(result.err.split('\n').filter((l) => l.startsWith('有错.xlsx:') || l.includes('/有错.xlsx:'))).toHaveLength(expected.length);
    }
    const real = await run(path);
    expect(real.err).toContain(`${expected.length} problem(s); nothing was imported`);
    expect(await store.headPosition()).toBe(before);

    // the same rows as CSV (text cells, English headers where the file has them) go through the same checks
    const headers = templateHeaders().map((h) => (h === '客户经理' ? 'customerManager' : h));
    const csv = [headers, ...[rows[5], rows[0]].map((r) => templateHeaders().map((h) => cellText(r[h])))].map((cells) => cells.join(',')).join('\r\n');
    writeFileSync(dir.file('bad.csv'), `\uFEFF${csv}\r\n`);
    const fromCsv = await run(dir.file('bad.csv'));
    expect(fromCsv.code).toBe(1);
    expect(fromCsv.err).toContain('bad.csv:2: 「customerManager」：「nobody」不是系统用户');
    expect(await store.headPosition()).toBe(before);
  }, 120_000);

  it('writes the template: 客户档案 with the import headers (what the import reads), 填写说明 and 示例; a CSV template holds the header', async () => {
    const io = capture();
    expect(await runCli(['import-customers', '--template', dir.file('模板.xlsx')], io)).toBe(0);
    const book = new Workbook();
    await book.xlsx.readFile(dir.file('模板.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['客户档案', '填写说明', '示例']);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(templateHeaders());
    expect(book.worksheets[2].rowCount).toBe(3);
    expect(await runCli(['import-customers', '--template', dir.file('模板.csv')], capture())).toBe(0);
    // the empty template imports as nothing, without complaint
    const empty = await run(dir.file('模板.xlsx'), '--dry-run');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('dry run: 0 rows; 0 would be created');
    expect(await run(dir.file('模板.csv'), '--dry-run')).toMatchObject({ code: 0 });
    expect(await runCli(['import-customers'], capture())).toBe(2);
  });
});

function cellText(value: SheetRow[string] | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
