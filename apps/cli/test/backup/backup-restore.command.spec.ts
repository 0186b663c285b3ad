import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { tempDir, type TempDir } from '@crm/testing';
import type { CliIo } from '../../src/cli-command';
import { backupCommand } from '../../src/commands/backup.command';
import { restoreCommand } from '../../src/commands/restore.command';

const capture = (interactive = false) => {
  const io = { out: '', err: '' };
  const cli: CliIo = { out: (t) => void (io.out += t), err: (t) => void (io.err += t), interactive, env: {} };
  return { io, cli };
};

describe('npm run cli -- backup / restore: what they refuse and what they say', () => {
  let tmp: TempDir;
  let store: string;

  beforeEach(async () => {
    tmp = tempDir('crm-backup-cmd-');
    store = tmp.file('crm.db');
    const s = SqliteEventStore.open(store);
    await s.appendToStream('customer-c-1', [{ id: randomUUID(), type: 'CustomerArchiveOpened', data: { customerId: 'c-1' } as never, metadata: { actor: 'mgr', correlationId: 'x', causationId: null, occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 } }]);
    await s.close();
  });
  afterEach(() => tmp.remove());

  it('draws its progress bar in place on a terminal and says where the secrets came from', async () => {
    const { io, cli } = capture(true);
    expect(await backupCommand.run([tmp.file('one.backup'), '--store', `sqlite:${store}`], cli)).toBe(0);
    expect(io.err).toMatch(/\rbackup \[#+\] \d+\/\d+ 100%\n$/);
    expect(io.out).toContain('1 events up to position 1');
    expect(io.out).toContain(`no auth-secret in ${tmp.dir}`);
  });

  it('never overwrites a file, and points PostgreSQL users at pg_dump', async () => {
    writeFileSync(tmp.file('taken.backup'), 'precious');
    const taken = capture();
    expect(await backupCommand.run([tmp.file('taken.backup'), '--store', `sqlite:${store}`], taken.cli)).toBe(2);
    expect(taken.io.err).toContain('a backup never overwrites a file');
    const pg = capture();
    expect(await backupCommand.run([tmp.file('pg.backup'), '--store', 'postgres://postgres@127.0.0.1:5432/crm'], pg.cli)).toBe(2);
    expect(pg.io.err).toContain('pg_dump');
    expect(existsSync(tmp.file('pg.backup'))).toBe(false);
  });

  it('restores only into an empty directory, and only a backup', async () => {
    expect(await backupCommand.run([tmp.file('one.backup'), '--store', `sqlite:${store}`], capture().cli)).toBe(0);
    mkdirSync(tmp.file('busy'));
    writeFileSync(tmp.file('busy/crm.db'), 'live data');
    const busy = capture();
    expect(await restoreCommand.run([tmp.file('one.backup'), '--data-dir', tmp.file('busy')], busy.cli)).toBe(2);
    expect(busy.io.err).toContain('is not empty (crm.db); restore only writes into an empty data directory');

    const notBackup = capture();
    expect(await restoreCommand.run([store, '--data-dir', tmp.file('fresh')], notBackup.cli)).toBe(1);
    expect(notBackup.io.err).toContain('is not a backup made by `npm run cli -- backup`');
    expect(existsSync(tmp.file('fresh')) ? readdirSync(tmp.file('fresh')) : []).toEqual([]);

    const ok = capture();
    expect(await restoreCommand.run([tmp.file('one.backup'), '--data-dir', tmp.file('fresh')], ok.cli)).toBe(0);
    expect(ok.io.out).toContain(`npm run cli -- verify --all --store sqlite:${tmp.file('fresh/crm.db')}`);
    expect(await restoreCommand.run([tmp.file('one.backup')], capture().cli)).toBe(2);
  });
});
