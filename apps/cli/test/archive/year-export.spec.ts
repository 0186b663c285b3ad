import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { GENESIS_HASH, type NewEvent, type StoredEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { tempDir, type TempDir } from '@crm/testing';
import { YearExportManifest } from '../../src/archive/export-manifest';
import type { CliIo } from '../../src/cli-command';
import { exportYearCommand } from '../../src/commands/export-year.command';
import { verifyExportCommand } from '../../src/commands/verify-export.command';

const TODAY = new Date('2026-12-02T08:00:00.000Z');

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(), type, data: data as never, metadata: { actor: 'mgr', correlationId: randomUUID(), causationId: null, occurredAt: '2025-03-02T01:00:00.000Z', schemaVersion: 1 },
});

/** The year is Beijing's: 2024-12-31T16:00Z is already 1 January 2025 there. */
const HISTORY: Array<[recordedAt: string, stream: string, event: NewEvent]> = [
  ['2024-06-01T02:00:00.000Z', 'customer-c-1', event('CustomerArchiveOpened', { customerId: 'c-1' })],
  ['2024-12-31T15:59:59.000Z', 'customer-c-1', event('PickupRecorded', { pickupId: 'p-1', tonnes: 10 })],
  ['2024-12-31T16:00:00.000Z', 'customer-c-1', event('PickupRecorded', { pickupId: 'p-2', tonnes: 20 })],
  ['2025-03-10T02:00:00.000Z', 'complaint-k-1', event('ComplaintRecorded', { complaintId: 'k-1', customerId: 'c-1' })],
  ['2025-03-11T02:00:00.000Z', 'customer-c-1', event('PickupRecorded', { pickupId: 'p-3', tonnes: 30 })],
  ['2025-03-12T02:00:00.000Z', 'complaint-k-1', event('ComplaintClassified', { class: 'general' })],
  ['2025-12-31T16:00:00.000Z', 'customer-c-1', event('PickupRecorded', { pickupId: 'p-4', tonnes: 40 })],
];

describe('npm run cli -- export-year / verify-export (retention, ADR 0021)', () => {
  let tmp: TempDir;
  const run = async (command: typeof exportYearCommand, ...args: string[]) => {
    let out = '';
    const io: CliIo = { out: (t) => void (out += t), err: (t) => void (out += t), interactive: false, env: {}, now: () => TODAY };
    return { code: await command.run(args, io), out };
  };
  const exportOf = (year: number, dir: string) => run(exportYearCommand, String(year), tmp.file(dir), '--store', `sqlite:${tmp.file('crm.db')}`);
  const manifestOf = (dir: string) => YearExportManifest.parse(JSON.parse(readFileSync(tmp.file(`${dir}/manifest.json`), 'utf8')));
  const lines = (path: string) => readFileSync(tmp.file(path), 'utf8').trimEnd().split('\n');

  let stored: StoredEvent[];
  beforeEach(async () => {
    tmp = tempDir('crm-year-export-');
    let now = new Date(0);
    const store = SqliteEventStore.open(tmp.file('crm.db'), { clock: () => now });
    for (const [at, stream, e] of HISTORY) {
      now = new Date(at);
      await store.appendToStream(stream, [e]);
    }
    stored = await store.readAll();
    await store.close();
  });
  afterEach(() => tmp.remove());

  it("writes the closed year's events by month with their hashes, and a manifest whose anchors are the previous year's heads", async () => {
    expect((await exportOf(2024, '2024')).code).toBe(0);
    const exported = await exportOf(2025, '2025');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('2025: 4 events of 2 streams in 2 files');
    expect(readdirSync(tmp.file('2025')).sort()).toEqual(['events-2025-01.jsonl', 'events-2025-03.jsonl', 'manifest.json']);
    expect(lines('2025/events-2025-03.jsonl').map((l) => JSON.parse(l))).toEqual(stored.slice(3, 6));

    const [y2024, y2025] = [manifestOf('2024'), manifestOf('2025')];
    expect(y2025).toMatchObject({ year: 2025, timeZone: 'Asia/Shanghai', events: 4, firstPosition: 3, lastPosition: 6 });
    expect(y2025.files.map((f) => [f.name, f.events])).toEqual([['events-2025-01.jsonl', 1], ['events-2025-03.jsonl', 3]]);
    const c1 = y2025.streams.find((s) => s.streamId === 'customer-c-1');
    expect(c1).toMatchObject({ events: 2, firstRevision: 2, lastRevision: 3, headHash: stored[4].hash });
    expect(c1?.previousHash).toBe(y2024.streams.find((s) => s.streamId === 'customer-c-1')?.headHash);
    expect(y2025.streams.find((s) => s.streamId === 'complaint-k-1')?.previousHash).toBe(GENESIS_HASH);
  });

  it('verifies the export with the store gone', async () => {
    await exportOf(2025, '2025');
    rmSync(tmp.file('crm.db'));
    const verified = await run(verifyExportCommand, tmp.file('2025'));
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('2025: OK, 4 events in 2 streams, every hash chain intact');
  });

  it('names the file and line of a tampered event, and a dropped last line', async () => {
    await exportOf(2025, '2025');
    const tampered = lines('2025/events-2025-03.jsonl');
    tampered[1] = tampered[1].replace('"tonnes":30', '"tonnes":3'); // its stored hash kept
    writeFileSync(tmp.file('2025/events-2025-03.jsonl'), `${tampered.join('\n')}\n`);
    const broken = await run(verifyExportCommand, tmp.file('2025'));
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('events-2025-03.jsonl line 2: hash_mismatch in customer-c-1 revision 3');
    expect(broken.out).toContain('events-2025-03.jsonl: sha-256');

    writeFileSync(tmp.file('2025/events-2025-03.jsonl'), `${lines('2025/events-2025-03.jsonl').slice(0, 2).join('\n')}\n`);
    const cut = await run(verifyExportCommand, tmp.file('2025'));
    expect(cut.out).toContain('complaint-k-1: ends after 1 events');
    expect(cut.out).toContain('events-2025-03.jsonl: 2 lines, the manifest says 3');
  });

  it('refuses a year not yet closed, an occupied directory and a directory that is not an export', async () => {
    const open = await exportOf(2026, '2026');
    expect(open.code).toBe(2);
    expect(open.out).toContain('2026 is not a closed year (it is 2026-12 in Asia/Shanghai)');
    await exportOf(2025, '2025');
    expect((await exportOf(2025, '2025')).out).toContain('is not empty; an export never mixes with or overwrites another');
    expect((await run(verifyExportCommand, tmp.dir)).out).toContain('holds no manifest.json');
  });
});
