import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Projection, projectionHandles, readModelSnapshot, ReadModelDb } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { createThrowawayDatabase, describeWithPostgres } from '@crm/testing';

export interface ReadModelReplay {
  /** the read-model database of the running suite (set in beforeAll) */
  readonly readModels: ReadModelDb;
  /** every event a projection reads (its eventTypes, or all for one that reads all), applied in one transaction */
  applyAll(projection: Projection, events: readonly StoredEvent[]): Promise<void>;
  /** applies the events to each projection, then again, and expects the second pass to change nothing */
  expectReplayTwiceUnchanged(events: readonly StoredEvent[]): Promise<void>;
}

/**
 * The same read-model body on a real SQLite file and on a throw-away PostgreSQL database, with
 * the projections' tables migrated: the replay-twice check every context's projections get.
 */
export function describeReadModels(title: string, projections: readonly Projection[], body: (replay: ReadModelReplay) => void): void {
  describe(`${title} on SQLite (a real file)`, () => {
    suite(projections, body, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'crm-rm-'));
      const db = await ReadModelDb.open({ kind: 'sqlite', path: join(dir, 'rm.db') });
      return { db, teardown: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
    });
  });
  describeWithPostgres(`${title} on PostgreSQL (a throw-away database)`, () => {
    suite(projections, body, async () => {
      const database = await createThrowawayDatabase();
      const db = await ReadModelDb.open({ kind: 'postgres', url: database.url });
      return { db, teardown: async () => { await db.close(); await database.drop(); } };
    });
  });
}

function suite(projections: readonly Projection[], body: (replay: ReadModelReplay) => void, open: () => Promise<{ db: ReadModelDb; teardown(): Promise<void> }>): void {
  let db: ReadModelDb | undefined;
  let teardown: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const opened = await open();
    ({ db, teardown } = opened);
    for (const p of projections) await opened.db.ddl((trx) => p.migrate(trx, opened.db.dialect));
  });
  afterAll(() => teardown());

  const replay: ReadModelReplay = {
    get readModels() {
      if (!db) throw new Error('read models are opened in beforeAll');
      return db;
    },
    applyAll(projection, events) {
      const rm = replay.readModels;
      return rm.transaction(async (trx) => {
        for (const e of events) if (projectionHandles(projection, e.type)) await projection.apply(e, trx, rm.dialect);
      });
    },
    async expectReplayTwiceUnchanged(events) {
      for (const projection of projections) {
        await replay.applyAll(projection, events);
        const once = await readModelSnapshot(replay.readModels, projection);
        await replay.applyAll(projection, events);
        expect(await readModelSnapshot(replay.readModels, projection)).toEqual(once);
      }
    },
  };
  body(replay);
}
