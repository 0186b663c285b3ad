import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkingCalendar } from '@crm/calendar';
import { type ComplaintCommand, complaintWorkflow, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import { type Projection, readModelSnapshot, ReadModelDb } from '@crm/engine';
import type { StoredEvent } from '@crm/event-store';
import { type Actor, type AnyDomainEvent, commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR } from '@crm/workflow-kit';
import { complaintsProjection, COMPLAINTS_TABLE } from '../../src/complaints/complaints.projection';
import { alertsAfter, slaAlertsProjection } from '../../src/complaints/sla-alerts.projection';
import { createThrowawayDatabase, describeWithPostgres } from '@crm/testing';

const MANAGER: Actor = { id: 'manager', roles: ['customer_manager'] };
const SERVICES = { calendar: WorkingCalendar.official(), policy: DEFAULT_COMPLAINT_POLICY };

/** A major complaint on 30 Sep 2026 that warns and breaches, through the real decider, as stored events. */
function history(): StoredEvent[] {
  const steps: Array<[ComplaintCommand['type'], object, Actor, string]> = [
    ['RecordComplaint', { complaintId: 'c-1', customerId: 'cust-1', receivedAt: '2026-09-30T10:00:00+08:00', channel: 'email', content: '包装破损' }, MANAGER, '2026-09-30T02:30:00.000Z'],
    ['ClassifyComplaint', { class: 'major' }, MANAGER, '2026-09-30T03:00:00.000Z'],
  ];
  const events: AnyDomainEvent[] = [];
  const run = (type: string, data: object, actor: Actor, now: string) => {
    const state = replayEvents(complaintWorkflow, events);
    events.push(...decideOnWorkflow(complaintWorkflow, state, events.length - 1, commandOf<ComplaintCommand>(type as never, data as never, actor, now), SERVICES).events);
  };
  for (const [type, data, actor, now] of steps) run(type, data, actor, now);
  const sla = (replayEvents(complaintWorkflow, events).context as { sla: { warnAt: string; deadline: { due: string } } }).sla;
  run('WarnSla', { dueAt: sla.deadline.due, warnAt: sla.warnAt }, SCHEDULER_ACTOR, sla.warnAt);
  run('MarkSlaBreached', { dueAt: sla.deadline.due }, SCHEDULER_ACTOR, sla.deadline.due);
  return events.map((e, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    type: e.type,
    data: e.data as StoredEvent['data'],
    metadata: { actor: 'manager', correlationId: 'corr', causationId: null, occurredAt: '2026-09-30T03:00:00.000Z', schemaVersion: 1 },
    streamId: 'complaint-c-1',
    revision: i,
    position: i + 10,
    recordedAt: '2026-09-30T03:00:00.000Z',
    hash: `hash-${i}`,
  }));
}

function replaySuite(open: () => Promise<{ db: ReadModelDb; teardown(): Promise<void> }>) {
  let readModels: ReadModelDb;
  let teardown: () => Promise<void>;
  beforeAll(async () => {
    ({ db: readModels, teardown } = await open());
    for (const p of [complaintsProjection, slaAlertsProjection]) await readModels.ddl((trx) => p.migrate(trx, readModels.dialect));
  });
  afterAll(() => teardown());

  const applyAll = (projection: Projection, events: StoredEvent[]) =>
    readModels.transaction(async (trx) => {
      for (const e of events) if (projection.eventTypes?.includes(e.type)) await projection.apply(e, trx, readModels.dialect);
    });

  it('builds the complaint row and both alerts; replaying every event twice changes nothing', async () => {
    const events = history();
    for (const projection of [complaintsProjection, slaAlertsProjection]) {
      await applyAll(projection, events);
      const once = await readModelSnapshot(readModels, projection);
      await applyAll(projection, events);
      expect(await readModelSnapshot(readModels, projection)).toEqual(once);
    }
    const row = await readModels.db.selectFrom(COMPLAINTS_TABLE).selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ complaint_id: 'c-1', status: 'open', class: 'major', received_month: '2026-09', due_at: '2026-10-10T10:00:00+08:00' });
    expect(Number(row.breach_count)).toBe(1);
    const alerts = await alertsAfter(readModels.db, 0, 10);
    expect(alerts.map((a) => [a.kind, a.customerId])).toEqual([['warning', 'cust-1'], ['breach', 'cust-1']]);
    expect(await alertsAfter(readModels.db, alerts[0].position, 10)).toEqual([alerts[1]]);
  });
}

describe('complaint read models on SQLite (a real file)', () => {
  replaySuite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-cmp-rm-'));
    const db = await ReadModelDb.open({ kind: 'sqlite', path: join(dir, 'rm.db') });
    return { db, teardown: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  });
});

describeWithPostgres('complaint read models on PostgreSQL (a throw-away database)', () => {
  replaySuite(async () => {
    const database = await createThrowawayDatabase();
    const db = await ReadModelDb.open({ kind: 'postgres', url: database.url });
    return { db, teardown: async () => { await db.close(); await database.drop(); } };
  });
});
