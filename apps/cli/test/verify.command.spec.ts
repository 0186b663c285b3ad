import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import type { CliIo } from '../src/cli-command';
import { verifyCommand } from '../src/commands/verify.command';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(), type, data: data as never, metadata: { actor: 'mgr', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
});

describe('npm run cli -- verify', () => {
  let dir: string;
  let file: string;
  const run = async (...args: string[]) => {
    let out = '';
    const io: CliIo = { out: (t) => void (out += t), err: (t) => void (out += t), interactive: false, env: {} };
    const code = await verifyCommand.run([...args, '--store', `sqlite:${file}`], io);
    return { code, out };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-cli-verify-'));
    file = join(dir, 'crm.db');
    const store = SqliteEventStore.open(file);
    await store.appendToStream('customer-c-1', [event('CustomerArchiveOpened', { customerId: 'c-1' }), event('PickupRecorded', { pickupId: 'p-1', tonnes: 10 })]);
    await store.appendToStream('complaint-k-1', [event('ComplaintRecorded', { complaintId: 'k-1', customerId: 'c-1' })]);
    await store.appendToStream('customer-c-2', [event('CustomerArchiveOpened', { customerId: 'c-2' })]);
    await store.appendToStream('complaint-k-1', [event('ComplaintClassified', { class: 'general' })]);
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("verifies a customer's streams (complaint follow-ups included) and every stream with --all", async () => {
    expect(await run('c-1')).toEqual({ code: 0, out: 'customer c-1: OK, 4 events in 2 streams, every hash chain intact\n' });
    expect(await run('--all')).toEqual({ code: 0, out: 'all streams: OK, 5 events in 3 streams, every hash chain intact\n' });
  });

  it('exits 1 naming the first break after a row was changed behind the store', async () => {
    const raw = new Database(file);
    raw.prepare("UPDATE es_events SET data = json_set(data, '$.class', 'major') WHERE stream_id = 'complaint-k-1' AND revision = 1").run();
    raw.close();
    const { code, out } = await run('c-1');
    expect(code).toBe(1);
    expect(out).toContain('first break: complaint-k-1 revision 1 (position 5): hash_mismatch');
    expect((await run('c-2')).code).toBe(0);
  });

  it('refuses bad usage and unknown customers', async () => {
    expect((await run()).code).toBe(2);
    expect(await run('nobody')).toEqual({ code: 1, out: 'customer nobody: no events found\n' });
  });
});
