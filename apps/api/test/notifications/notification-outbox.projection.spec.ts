import type { StoredEvent } from '@crm/event-store';
import { notificationOutboxProjection, OUTBOX_TABLE } from '../../src/notifications/notification-outbox.projection';
import { describeReadModels } from '../support/read-model-replay';

jest.setTimeout(60_000);

let position = 0;
function stored(streamId: string, type: string, data: Record<string, unknown>, actor = 'system:scheduler'): StoredEvent {
  position += 1;
  return {
    id: `e-${position}`, streamId, type, data: data as never, revision: 0, position, recordedAt: '2026-10-09T01:00:00.000Z', hash: 'h',
    metadata: { actor, correlationId: 'c', causationId: null, occurredAt: '2026-10-09T01:00:00.000Z', schemaVersion: 1 },
  };
}
const user = (username: string, ...roles: string[]) => stored(`user-${username}`, 'UserRegistered', { username, name: username, roles, passwordHash: 'x' }, 'admin');

/** A history touching every way an event reaches people: groups, the customer's manager, notifyUsers, disabled users, the actor. */
const HISTORY: StoredEvent[] = [
  user('manager', 'customer_manager'), user('supervisor', 'supervisor'), user('sup2', 'supervisor'), user('gm', 'general_manager'), user('finance', 'finance_reviewer'),
  stored('user-sup2', 'UserDisabled', { reason: 'left' }, 'admin'),
  stored('customer-c1', 'CustomerArchiveOpened', { customerId: 'c1', name: '宁波甬兴', customerManagerId: 'manager', region: '华东', notify: ['finance', 'plant_offices'] }, 'system:onboarding'),
  stored('visit-report-r1', 'VisitReportSubmitted', { reportId: 'r1', customerId: 'c1', findings: '包装破损', notify: ['supervisor', 'logistics'] }, 'manager'),
  stored('development-plan-p1', 'DevelopmentProgressRecorded', { period: { kind: 'monthly', month: '2026-09' }, summary: '签约一家', notify: ['supervisor', 'general_manager'] }, 'sales'),
  stored('development-plan-p1', 'DevelopmentMonthlyReportSubmitted', { month: '2026-10', summary: '十月完成情况', achieved: ['t-1'], notAchieved: [], notify: ['supervisor', 'general_manager'] }, 'manager'),
  stored('complaint-k1', 'ComplaintRecorded', { complaintId: 'k1', customerId: 'c1' }, 'sales'),
  stored('complaint-k1', 'ComplaintSlaWarned', { dueAt: '2026-10-10T02:00:00.000Z', notify: ['supervisor', 'customer_manager'] }),
  stored('complaint-k1', 'ExtensionRequested', { notify: ['supervisor'] }, 'supervisor'),
  stored('task-t1', 'TaskReminded', { taskId: 't1', title: '审批', notifyUsers: ['gm', 'ghost', 'sup2'], notify: [] }),
];

describeReadModels('the notification outbox', [notificationOutboxProjection], (replay) => {
  beforeAll(() => replay.applyAll(notificationOutboxProjection, HISTORY));
  const peopleOf = async (eventId: string) =>
    (await replay.readModels.db.selectFrom(OUTBOX_TABLE).select(['addressee', 'via']).where('event_id', '=', eventId).where('kind', '=', 'person').orderBy('addressee').execute())
      .map((r) => [r.addressee, JSON.parse(r.via as string)]);
  const groupsOf = async (eventId: string) =>
    (await replay.readModels.db.selectFrom(OUTBOX_TABLE).select(['recipient', 'addressee']).where('event_id', '=', eventId).where('kind', '=', 'group').orderBy('recipient').execute())
      .map((r) => [r.recipient, r.addressee]);
  const idOf = (type: string) => HISTORY.find((e) => e.type === type)?.id ?? 'missing';

  it('R-VISIT-3: visit findings reach the responsible leader’s active members; a department without members keeps its group row; a disabled supervisor is not told', async () => {
    expect(await groupsOf(idOf('VisitReportSubmitted'))).toEqual([['logistics', null], ['supervisor', null]]);
    expect(await peopleOf(idOf('VisitReportSubmitted'))).toEqual([['supervisor', ['supervisor']]]);
  });

  it('R-DEV-3: a monthly report reaches the department manager and the general manager', async () => {
    expect(await peopleOf(idOf('DevelopmentProgressRecorded'))).toEqual([['gm', ['general_manager']], ['supervisor', ['supervisor']]]);
  });

  it('R-DEV-3: the monthly completion report (ADR 0027) reaches the department manager and the general manager, one row each', async () => {
    expect(await peopleOf(idOf('DevelopmentMonthlyReportSubmitted'))).toEqual([['gm', ['general_manager']], ['supervisor', ['supervisor']]]);
    expect(await groupsOf(idOf('DevelopmentMonthlyReportSubmitted'))).toEqual([['general_manager', null], ['supervisor', null]]);
  });

  it('R-CMP-3: an SLA warning reaches the supervisors and the manager of the complaint’s customer (R-KAM-2), not every manager', async () => {
    expect(await groupsOf(idOf('ComplaintSlaWarned'))).toEqual([['customer_manager', 'manager'], ['supervisor', null]]);
    expect(await peopleOf(idOf('ComplaintSlaWarned'))).toEqual([['manager', ['customer_manager']], ['supervisor', ['supervisor']]]);
  });

  it('whoever caused the event is not told of it; notifyUsers reach named active users only', async () => {
    expect(await peopleOf(idOf('ExtensionRequested'))).toEqual([]);
    expect(await peopleOf(idOf('TaskReminded'))).toEqual([['gm', []]]);
    expect(await peopleOf(idOf('CustomerArchiveOpened'))).toEqual([['finance', ['finance']]]);
  });

  it('replaying the history changes nothing (row ids are <eventId>:<group> and <eventId>:@<user>)', async () => {
    const ids = await replay.readModels.db.selectFrom(OUTBOX_TABLE).select('notification_id').where('event_id', '=', idOf('TaskReminded')).execute();
    expect(ids.map((r) => r.notification_id)).toEqual([`${idOf('TaskReminded')}:@gm`]);
    await replay.expectReplayTwiceUnchanged(HISTORY);
  });
});
