import { type ChildProcess, fork } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteBlobStore } from '@crm/blob-store';
import type { NewEvent, StoredEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { tempDir, type TempDir } from '@crm/testing';
import { backupStore } from '../../src/backup/backup-store';
import type { CliIo } from '../../src/cli-command';
import { restoreCommand } from '../../src/commands/restore.command';
import { verifyCommand } from '../../src/commands/verify.command';
import type { Acknowledged } from '../support/event-writer';

const REGISTER = join(__dirname, '..', '..', '..', '..', 'tools', 'swc-register.cjs');
const WRITER = join(__dirname, '..', 'support', 'event-writer.ts');

// a few megabytes of scan: enough pages that the copy takes many steps
const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 7), Buffer.from(`\n% ${randomUUID()}\n%%EOF`)]);
const file = { sha256: createHash('sha256').update(scan).digest('hex'), name: '营业执照.pdf', mediaType: 'application/pdf', size: scan.length };

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(), type, data: data as never, metadata: { actor: 'mgr', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
});

const silentIo = (): CliIo & { text: () => string } => {
  let text = '';
  return { out: (t) => void (text += t), err: (t) => void (text += t), interactive: false, env: {}, text: () => text };
};

async function readAll(path: string): Promise<StoredEvent[]> {
  const store = SqliteEventStore.open(path);
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

const tables = (path: string) => {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

describe('npm run cli -- backup while another process appends, then restore and verify', () => {
  let tmp: TempDir;
  let live: string;
  let writer: ChildProcess | undefined;

  beforeEach(async () => {
    tmp = tempDir('crm-backup-');
    mkdirSync(tmp.file('live'), { mode: 0o700 });
    live = tmp.file('live/crm.db');
    writeFileSync(tmp.file('live/auth-secret'), 'a'.repeat(64), { mode: 0o600 });
    const store = SqliteEventStore.open(live);
    const blobs = new SqliteBlobStore(store.database);
    await blobs.put(scan);
    await store.appendToStream('customer-c-1', [event('CustomerArchiveOpened', { customerId: 'c-1', documents: [{ documentId: 'licence', kind: 'business_licence', file }] })]);
    await store.close();
  });
  afterEach(async () => {
    if (writer && writer.exitCode === null) {
      writer.kill('SIGKILL');
      await once(writer, 'exit');
    }
    tmp.remove();
  });

  it('restores every event acknowledged before the backup started, identical, with every chain and file verifying', async () => {
    writer = fork(WRITER, [live], { execArgv: ['-r', REGISTER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const acked: Acknowledged[] = [];
    let wake: () => void = () => undefined;
    writer.on('message', (m) => {
      acked.push(m as Acknowledged);
      wake();
    });
    await new Promise<void>((resolve) => {
      wake = () => void (acked.length >= 25 && resolve());
    });

    const before = [...acked];
    // half-way through the copy, hold it (0 pages a step, the event loop free) until the writer has committed 25 more
    const info = await backupStore({ storePath: live, dataDir: tmp.file('live'), target: tmp.file('crm.backup') }, silentIo(), {
      pagesPerStep: (copied, total) => (copied >= total / 2 && acked.length < before.length + 25 ? 0 : 64),
    });
    const duringBackup = acked.length - before.length;
    writer.send('stop');
    await once(writer, 'exit');

    const io = silentIo();
    expect(await restoreCommand.run([tmp.file('crm.backup'), '--data-dir', tmp.file('restored')], io)).toBe(0);
    const restoredStore = tmp.file('restored/crm.db');

    const original = await readAll(live);
    const restored = await readAll(restoredStore);
    expect(duringBackup).toBeGreaterThanOrEqual(25);
    expect(original.at(-1)?.position).toBeGreaterThan(info.headPosition); // the writer went on past the snapshot
    const byPosition = new Map(restored.map((e) => [e.position, e]));
    for (const ack of before) expect(byPosition.get(ack.position)).toEqual(original.find((e) => e.position === ack.position));
    for (const ack of before) expect(byPosition.get(ack.position)?.id).toBe(ack.id);
    // consistent as of one instant: exactly the store's prefix up to the snapshot, nothing torn
    expect(restored).toEqual(original.filter((e) => e.position <= info.headPosition));
    expect(restored).toHaveLength(info.events);

    const verify = silentIo();
    expect(await verifyCommand.run(['--all', '--store', `sqlite:${restoredStore}`], verify)).toBe(0);
    expect(verify.text()).toContain('every hash chain intact');
    expect(verify.text()).toContain('files OK, 1 files re-hashed');

    expect(tables(restoredStore)).toEqual(tables(live));
    expect(readFileSync(tmp.file('restored/auth-secret'), 'utf8')).toBe('a'.repeat(64));
    expect(statSync(tmp.file('restored/auth-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(restoredStore).mode & 0o777).toBe(0o600);
    expect(statSync(tmp.file('crm.backup')).mode & 0o777).toBe(0o600);
  }, 60_000);
});
