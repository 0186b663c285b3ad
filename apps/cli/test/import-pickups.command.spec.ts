import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES, shanghaiDate } from '@crm/customers';
import { WorkflowEngine } from '@crm/engine';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import type { CliIo } from '../src/cli-command';
import { runCli } from '../src/main';
import { ProgressBar } from '../src/progress-bar';
import { Workbook } from 'exceljs';

const DAY = 86_400_000;
const SYSTEM = { id: 'system:onboarding', roles: [], system: true };

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', interactive: false, env: {}, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('npm run cli -- import-pickups (real SQLite file)', () => {
  let dir: string;
  let db: string;
  const yesterday = shanghaiDate(new Date(Date.now() - DAY).toISOString());
  const file = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ['customerId,pickupId,date,product,tonnes,warehouse', ...rows].join('\n'));
    return path;
  };
  const head = async () => {
    const store = SqliteEventStore.open(db);
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
    db = join(dir, 'crm.db');
    const store = SqliteEventStore.open(db);
    const data = {
      customerId: 'c-1', applicationId: 'app-1', name: '甬兴塑业', identifiers: {}, invoicing: {}, contacts: [], productLine: 'polyolefin',
      class: { salesObject: 'distributor', salesForm: 'planned' }, customerManagerId: 'manager', region: '华东', documents: [],
    };
    const now = new Date(Date.now() - 5 * DAY).toISOString();
    await new WorkflowEngine(store).execute(customerWorkflow, 'c-1', { type: 'OpenCustomerArchive', data, meta: { actor: SYSTEM, now } }, DEFAULT_CUSTOMER_SERVICES);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads an .xlsx workbook by its bytes, whatever its name, through the same checks', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('提货');
    sheet.addRow(['客户编号', '提货单号', '提货日期', '产品', '吨数', '仓库']);
    sheet.addRow(['c-1', 'XL-1', new Date(`${yesterday}T00:00:00.000Z`), 'HDPE', 12.5, '镇海库']);
    const path = join(dir, 'pickups-from-excel.dat');
    writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
    const io = capture();
    expect(await runCli(['import-pickups', path, '--store', `sqlite:${db}`], io)).toBe(0);
    expect(io.stdout).toContain('1 rows for 1 customers; 1 recorded');
  });

  it('records every row with progress on stderr, and a second run of the same file records nothing', async () => {
    const csv = file('good.csv', [`c-1,DN-1,${yesterday},HDPE,100,镇海库`, `c-1,DN-2,${yesterday},HDPE,200.5,镇海库`, `c-1,DN-3,${yesterday},PP,3,宁波库`]);
    const io = capture();
    expect(await runCli(['import-pickups', csv, '--store', `sqlite:${db}`], io)).toBe(0);
    expect(io.stdout).toContain('3 rows for 1 customers; 3 recorded, 0 already on record');
    expect(io.stderr).toContain('recording pickups: 3/3 (100%)');
    const before = await head();
    const again = capture();
    expect(await runCli(['import-pickups', csv, '--store', `sqlite:${db}`], again)).toBe(0);
    expect(again.stdout).toContain('0 recorded, 3 already on record');
    expect(await head()).toBe(before);
  });

  it('imports nothing when one row errs, and names each bad row', async () => {
    const before = await head();
    const csv = file('bad.csv', [`c-1,DN-4,${yesterday},HDPE,100,镇海库`, `c-1,DN-5,not-a-date,HDPE,100,镇海库`, `c-9,DN-6,${yesterday},HDPE,1,镇海库`]);
    const io = capture();
    expect(await runCli(['import-pickups', csv, '--store', `sqlite:${db}`], io)).toBe(1);
    expect(io.stderr).toContain('bad.csv:3: date:');
    expect(io.stderr).toContain('nothing was imported');
    expect(await head()).toBe(before);
    const unknown = capture();
    expect(await runCli(['import-pickups', file('unknown.csv', [`c-9,DN-6,${yesterday},HDPE,1,镇海库`]), '--store', `sqlite:${db}`], unknown)).toBe(1);
    expect(unknown.stderr).toContain('unknown.csv:2: customerId: no customer c-9');
    expect(await head()).toBe(before);
  });

  it('answers usage errors with exit code 2 and lists the commands on help', async () => {
    expect(await runCli(['import-pickups'], capture())).toBe(2);
    expect(await runCli(['import-pickups', 'x.csv', '--store', 'mysql://nope'], capture())).toBe(2);
    expect(await runCli(['nonsense'], capture())).toBe(2);
    const help = capture();
    expect(await runCli(['help'], help)).toBe(0);
    expect(help.stdout).toContain('import-pickups <file.csv|file.xlsx>');
  });
});

describe('ProgressBar', () => {
  it('redraws in place on a terminal and ends the line when done', () => {
    let text = '';
    const bar = new ProgressBar((t) => (text += t), 'rows', true, 10);
    bar.update(5, 10);
    bar.update(10, 10);
    expect(text).toBe('\rrows [#####-----] 5/10 50%\rrows [##########] 10/10 100%\n');
  });

  it('prints a plain line per tenth on a pipe', () => {
    const lines: string[] = [];
    const bar = new ProgressBar((t) => lines.push(t), 'rows', false);
    for (let i = 1; i <= 100; i++) bar.update(i, 100);
    expect(lines).toHaveLength(11); // 0 %, 10 % … 100 %
    expect(lines.at(-1)).toBe('rows: 100/100 (100%)\n');
  });
});
