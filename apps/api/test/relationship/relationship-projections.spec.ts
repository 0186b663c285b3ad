import type { StoredEvent } from '@crm/event-store';
import { forumWorkflow, visitPlanWorkflow, visitReportWorkflow, type PlanItemView, type VisitReportServices } from '@crm/relationship';
import { type Actor, type AnyCommand, type AnyDomainEvent, type AnyWorkflow, commandOf, decideOnWorkflow, replayEvents } from '@crm/workflow-kit';
import { customerForumsProjection, FORUMS_TABLE } from '../../src/relationship/customer-forums.projection';
import { VISIT_PLAN_ITEMS_TABLE, VISIT_PLANS_TABLE, visitPlansProjection } from '../../src/relationship/visit-plans.projection';
import { VISIT_REPORTS_TABLE, visitReportsProjection } from '../../src/relationship/visit-reports.projection';
import { describeReadModels } from '../support/read-model-replay';
import { visitForm } from './visit-form';

const MANAGER: Actor = { id: 'manager', roles: ['customer_manager'] };
const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
const SUPERVISOR: Actor = { id: 'supervisor', roles: ['supervisor'] };
const AT = '2026-03-02T02:00:00.000Z';
const ITEM: PlanItemView = { planId: 'manager.2026', itemId: 'i-1', year: 2026, month: 3, customerId: 'c-1', managerId: 'manager', approved: true };
const SERVICES: VisitReportServices = { planItem: (p, i) => (p === ITEM.planId && i === ITEM.itemId ? ITEM : null) };

let position = 0;
/** One stream through the real decider, as stored events with global positions. */
function stream(workflow: AnyWorkflow, id: string, steps: Array<[string, object, Actor]>, services?: unknown): StoredEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const [type, data, actor] of steps) {
    const command = commandOf<AnyCommand>(type, data, actor, AT);
    events.push(...decideOnWorkflow(workflow, replayEvents(workflow, events), events.length === 0 ? null : events.length - 1, command, services).events);
  }
  return events.map((e, revision) => ({
    id: `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`, type: e.type, data: e.data as StoredEvent['data'],
    metadata: { actor: 'x', correlationId: 'corr', causationId: null, occurredAt: AT, schemaVersion: 1 },
    streamId: `${workflow.streamPrefix}-${id}`, revision, position, recordedAt: AT, hash: `hash-${position}`,
  }));
}

function history(): StoredEvent[] {
  const items = [{ itemId: 'i-1', customerId: 'c-1', month: 3 }, { itemId: 'i-2', customerId: 'c-2', month: 4 }];
  return [
    ...stream(visitPlanWorkflow, 'manager.2026', [
      ['DraftVisitPlan', { planId: 'manager.2026', year: 2026, items: [items[0]] }, MANAGER],
      ['ReviseVisitPlan', { items }, MANAGER],
      ['SubmitVisitPlan', {}, MANAGER],
      ['ApproveVisitPlan', {}, SALES],
    ]),
    ...stream(visitReportWorkflow, 'r-1', [
      ['SubmitVisitReport', { reportId: 'r-1', customerId: 'c-1', visitedOn: '2026-03-01', basis: { kind: 'plan', planId: 'manager.2026', itemId: 'i-1' }, form: visitForm('2026-03-01'), ratings: { quality: '优良', service: '不好', awareness: '知名' }, content: {}, findings: '包装破损', departments: ['quality'] }, MANAGER],
      ['AcknowledgeVisitFindings', { note: '已处理' }, SUPERVISOR],
    ], SERVICES),
    ...stream(forumWorkflow, 'f-1', [
      ['SubmitForumPlan', { forumId: 'f-1', title: '座谈会', plannedOn: '2026-03-02', invitees: [{ name: '张三', organisation: '塑料厂' }], agenda: ['市场行情'], budgetYuan: 2000 }, SALES],
      ['ApproveForumPlan', {}, SUPERVISOR],
      ['FileForumMinutes', { forumId: 'f-1', heldOn: '2026-03-02', attendees: [{ name: '张三', organisation: '塑料厂' }], topics: [], minutes: '纪要', followUps: [], attachments: [] }, SALES],
    ]),
  ];
}

describeReadModels('relationship read models', [visitPlansProjection, visitReportsProjection, customerForumsProjection], (replay) => {
  it('R-VISIT-1/R-VISIT-3/R-FORUM-1: builds plans, items, reports and forums; replaying every event twice changes nothing', async () => {
    const events = history();
    await replay.expectReplayTwiceUnchanged(events);
    const db = replay.readModels.db;
    expect(await db.selectFrom(VISIT_PLANS_TABLE).select(['plan_id', 'status', 'approved_by']).execute()).toEqual([{ plan_id: 'manager.2026', status: 'approved', approved_by: 'sales' }]);
    expect((await db.selectFrom(VISIT_PLAN_ITEMS_TABLE).select('item_key').orderBy('item_key').execute()).map((r) => r.item_key)).toEqual(['manager.2026/i-1', 'manager.2026/i-2']);
    const report = await db.selectFrom(VISIT_REPORTS_TABLE).selectAll().executeTakeFirstOrThrow();
    expect(report).toMatchObject({ report_id: 'r-1', quarter: '2026-Q1', quality_label: '优良', service_label: '不好', awareness_label: '知名', feedback_status: 'acknowledged', acknowledged_by: 'supervisor' });
    expect([Number(report.quality_score), Number(report.service_score), Number(report.awareness_score)]).toEqual([90, 30, 70]);
    expect(await db.selectFrom(FORUMS_TABLE).select(['forum_id', 'year']).execute()).toEqual([{ forum_id: 'f-1', year: 2026 }]);
  });
});
