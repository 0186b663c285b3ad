import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { tempDir } from '@crm/testing';
import { sql } from 'kysely';
import { createReadModelDb } from '../src';

const event = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'Counted',
  data: { n },
  metadata: { actor: 'user:test', correlationId: randomUUID(), causationId: null, occurredAt: '2026-03-02T08:00:00.000Z', schemaVersion: 1 },
});

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('the SQLite write gate and group commit (ADR 0029)', () => {
  it('appends arriving while a read-model transaction holds the gate wait for it, then commit as one group', async () => {
    const tmp = tempDir('crm-gate-');
    const groups: number[] = [];
    const store = SqliteEventStore.open(tmp.file('events.db'), { onGroup: (size) => groups.push(size) });
    const readModels = await createReadModelDb(store);
    try {
      await readModels.transaction((trx) => sql`create table seen (n integer)`.execute(trx));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const transaction = readModels.transaction(async (trx) => {
        await sql`insert into seen values (1)`.execute(trx);
        await held;
      });
      let answered = 0;
      const appends = Array.from({ length: 8 }, (_, n) =>
        store.appendToStream(`gated-${n}`, [event(n)], { expectedRevision: 'no_stream' }).then((r) => {
          answered += 1;
          return r;
        }),
      );
      await turns(5);
      // the read-model transaction owns the file's write lock: no append may have committed past it
      expect(answered).toBe(0);
      expect(groups).toEqual([]);
      release();
      await transaction;
      const results = await Promise.all(appends);
      expect(groups).toEqual([8]);
      expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const rows = await sql<{ n: number }>`select n from seen`.execute(readModels.db);
      expect(rows.rows).toEqual([{ n: 1 }]);
    } finally {
      await readModels.close();
      await store.close();
      tmp.remove();
    }
  });
});
