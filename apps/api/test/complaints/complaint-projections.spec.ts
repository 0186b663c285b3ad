import { WorkingCalendar } from '@crm/calendar';
import { type ComplaintCommand, complaintWorkflow, DEFAULT_COMPLAINT_POLICY } from '@crm/complaints';
import type { StoredEvent } from '@crm/event-store';
import { type Actor, type AnyDomainEvent, commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR } from '@crm/workflow-kit';
import { complaintsProjection, COMPLAINTS_TABLE } from '../../src/complaints/complaints.projection';
import { alertsAfter, slaAlertsProjection } from '../../src/complaints/sla-alerts.projection';
import { describeReadModels } from '../support/read-model-replay';

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

describeReadModels('complaint read models', [complaintsProjection, slaAlertsProjection], (replay) => {
  it('builds the complaint row and both alerts; replaying every event twice changes nothing', async () => {
    const events = history();
    await replay.expectReplayTwiceUnchanged(events);
    const row = await replay.readModels.db.selectFrom(COMPLAINTS_TABLE).selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ complaint_id: 'c-1', status: 'open', class: 'major', received_month: '2026-09', due_at: '2026-10-10T10:00:00+08:00' });
    expect(Number(row.breach_count)).toBe(1);
    const alerts = await alertsAfter(replay.readModels.db, 0, 10);
    expect(alerts.map((a) => [a.kind, a.customerId])).toEqual([['warning', 'cust-1'], ['breach', 'cust-1']]);
    expect(await alertsAfter(replay.readModels.db, alerts[0].position, 10)).toEqual([alerts[1]]);
  });
});
