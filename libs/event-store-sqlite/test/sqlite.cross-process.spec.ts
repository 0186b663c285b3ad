import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { type StoredEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { SqliteEventStore } from '../src';

const run = promisify(execFile);
const CHILD = join(__dirname, 'fixtures/append-from-child.cjs');

async function appendFromChild(file: string, stream: string, count: number): Promise<number> {
  const { stdout } = await run(process.execPath, [CHILD, file, stream, String(count)], { timeout: 60_000 });
  return (JSON.parse(stdout) as { position: number }).position;
}

describe('SQLite event store shared by several processes', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-es-xproc-'));
    file = join(dir, 'events.db');
    store = SqliteEventStore.open(file, { pollMs: 50 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a subscription sees commits made by another process, in order, once', async () => {
    await store.appendToStream('local-1', [event()]);
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll((e) => void seen.push(e));
    try {
      const last = await appendFromChild(file, `child-${randomUUID()}`, 5);
      await subscription.waitFor(last, 20_000);
      expect(seen).toEqual(await store.readAll());
      expect(seen.filter((e) => e.type === 'ChildAppended')).toHaveLength(5);
    } finally {
      await subscription.stop();
    }
  }, 60_000);

  it('writers in three processes racing on one stream: one winner per revision, nothing lost', async () => {
    const stream = `race-${randomUUID()}`;
    const children = Promise.all([appendFromChild(file, stream, 30), appendFromChild(file, stream, 30)]);
    const mine = Array.from({ length: 30 }, () => event());
    for (const e of mine) await appendWithRetry(store, stream, e);
    await children;
    const stored = await store.readStream(stream);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 90 }, (_, i) => i));
    expect(new Set(stored.map((e) => e.id)).size).toBe(90);
    expect(stored.filter((e) => mine.some((m) => m.id === e.id))).toHaveLength(30);
  }, 60_000);
});

function event() {
  return {
    id: randomUUID(),
    type: 'ParentAppended',
    data: { at: 'parent' },
    metadata: { actor: 'user:parent', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
  };
}

async function appendWithRetry(store: SqliteEventStore, stream: string, e: ReturnType<typeof event>): Promise<void> {
  for (;;) {
    try {
      await store.appendToStream(stream, [e], { expectedRevision: (await store.streamRevision(stream)) ?? 'no_stream' });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
