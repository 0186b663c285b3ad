import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Projection, ReadModelDb, readModelSnapshot } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store-sqlite';
import { onboardingProjections } from '../src/onboarding/onboarding.projections';
import { writeOnboardingHistory } from './support/onboarding.history';
import { createThrowawayDatabase, describeWithPostgres } from '@crm/testing';

async function applyAll(readModels: ReadModelDb, projection: Projection, events: readonly StoredEvent[], twiceEach = false) {
  await readModels.transaction(async (trx) => {
    for (const event of events) {
      if (!projection.eventTypes?.includes(event.type)) continue;
      await projection.apply(event, trx, readModels.dialect);
      if (twiceEach) await projection.apply(event, trx, readModels.dialect);
    }
  });
}

function replaySuite(openReadModels: () => Promise<{ readModels: ReadModelDb; dispose(): Promise<void> }>) {
  let dir: string;
  let store: SqliteEventStore;
  let events: StoredEvent[];
  let readModels: ReadModelDb;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-onb-proj-'));
    store = SqliteEventStore.open(join(dir, 'events.db'));
    await writeOnboardingHistory(store);
    events = await store.readAll();
    ({ readModels, dispose } = await openReadModels());
    for (const p of onboardingProjections()) await readModels.ddl((trx) => p.migrate(trx, readModels.dialect));
  }, 30_000);
  afterAll(async () => {
    await dispose();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(onboardingProjections().map((p) => [p.name, p] as const))('%s: replaying every event twice, and the whole history again, changes nothing', async (_name, projection) => {
    await applyAll(readModels, projection, events);
    const once = await readModelSnapshot(readModels, projection);
    await applyAll(readModels, projection, events, true);
    await applyAll(readModels, projection, events);
    expect(await readModelSnapshot(readModels, projection)).toEqual(once);
    expect(Object.values(once).every((rows) => rows.length > 0)).toBe(true);
  });

  it('the read models say what happened', async () => {
    const apps = await readModels.db.selectFrom('onboarding_applications').select(['application_id', 'status', 'round', 'pending_step', 'customer_id']).orderBy('application_id').execute();
    expect(apps.map((a) => [a.application_id, a.status, Number(a.round), a.pending_step, a.customer_id])).toEqual([
      ['p-1', 'approved', 2, null, 'cust-p-1'],
      ['p-2', 'rejected', 1, null, null],
      ['p-3', 'withdrawn', 0, null, null],
      ['p-4', 'in_review', 1, 'sales', null],
    ]);
    const keys = await readModels.db.selectFrom('onboarding_identity_keys').select(['holder_id', 'kind', 'open']).where('open', '=', 1).orderBy('holder_id').execute();
    expect(keys.map((k) => [k.holder_id, k.kind])).toEqual([['cust-p-1', 'customer'], ['p-4', 'application']]);
    const approvers = await readModels.db.selectFrom('onboarding_step_approvers').select('approval_key').orderBy('approval_key').execute();
    expect(approvers.map((a) => a.approval_key)).toEqual(['p-1|finance|finance', 'p-1|generalManager|gm', 'p-1|sales|sales', 'p-1|sales|sales2']);
    const revoked = await readModels.db.selectFrom('delegation_revocations').select(['delegation_id', 'revoked_by']).execute();
    expect(revoked).toEqual([{ delegation_id: 'dlg-1', revoked_by: 'sales' }]);
    const delegated = await readModels.db.selectFrom('onboarding_history').selectAll().where('type', '=', 'SalesReviewApproved').orderBy('position').execute();
    expect(delegated.map((h) => [h.actor_id, h.on_behalf_of, h.delegation_id, Number(h.round)])).toEqual([['sales2', 'sales', 'dlg-1', 1], ['sales', null, null, 2]]);
  });
}

describe('onboarding projections on SQLite', () => {
  replaySuite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-onb-rm-'));
    const readModels = await ReadModelDb.open({ kind: 'sqlite', path: join(dir, 'read-models.db') });
    return { readModels, dispose: async () => (await readModels.close(), rmSync(dir, { recursive: true, force: true })) };
  });
});

describeWithPostgres('onboarding projections on PostgreSQL', () => {
  replaySuite(async () => {
    const database = await createThrowawayDatabase();
    const readModels = await ReadModelDb.open({ kind: 'postgres', url: database.url });
    return { readModels, dispose: async () => (await readModels.close(), await database.drop()) };
  });
});
