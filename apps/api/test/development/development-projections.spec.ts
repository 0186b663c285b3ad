import { developmentPlanWorkflow, type PlanCommand, type ProspectCommand, prospectWorkflow } from '@crm/development';
import type { StoredEvent } from '@crm/event-store';
import { type Actor, type AnyDomainEvent, type AnyWorkflow, commandOf, decideOnWorkflow, replayEvents, SCHEDULER_ACTOR } from '@crm/workflow-kit';
import { MONTHLY_REPORTS_TABLE, monthlyReportOf, monthlyReportsProjection } from '../../src/development/monthly-reports.projection';
import { PLANS_TABLE, plansProjection, PROGRESS_TABLE } from '../../src/development/plans.projection';
import { PROSPECTS_TABLE, prospectsProjection } from '../../src/development/prospects.projection';
import { describeReadModels } from '../support/read-model-replay';

const MANAGER: Actor = { id: 'manager', roles: ['customer_manager'] };
const SALES: Actor = { id: 'sales', roles: ['sales_reviewer'] };
const HEAD: Actor = { id: 'supervisor', roles: ['supervisor'] };
const GM: Actor = { id: 'gm', roles: ['general_manager'] };
const DEADLINE = '2026-12-31T15:59:59.000Z';
const QUARTER_END = '2026-12-31T16:00:00.000Z';
/** the API reads these before a conversion: an open application holding its company's key */
const CONVERSION = { conversionFacts: (applicationId: string) => ({ applicationId, applicationState: 'draft', identityKey: '50000001X', reservedBy: applicationId, customers: [] }) };

/** Events through the real deciders, stored on their streams with global positions. */
function stream(workflow: AnyWorkflow, id: string, steps: Array<[string, object, Actor, string]>, firstPosition: number): StoredEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const [type, data, actor, now] of steps) {
    const state = replayEvents(workflow, events);
    events.push(...decideOnWorkflow(workflow, state, events.length - 1 < 0 ? null : events.length - 1, commandOf<ProspectCommand | PlanCommand>(type as never, data as never, actor, now), CONVERSION).events);
  }
  return events.map((e, i) => ({
    id: `00000000-0000-4000-8000-${String(firstPosition + i).padStart(12, '0')}`,
    type: e.type,
    data: e.data as StoredEvent['data'],
    metadata: { actor: 'x', correlationId: 'corr', causationId: null, occurredAt: '2026-10-05T01:00:00.000Z', schemaVersion: 1 },
    streamId: `${workflow.streamPrefix}-${id}`,
    revision: i,
    position: firstPosition + i,
    recordedAt: '2026-10-05T01:00:00.000Z',
    hash: `hash-${firstPosition + i}`,
  }));
}

function history(): StoredEvent[] {
  const prospect = stream(prospectWorkflow, 'p-1', [
    ['RegisterProspect', { prospectId: 'p-1', companyName: '甬兴塑业', identifiers: {}, region: '华东', productsOfInterest: ['聚乙烯'], estimatedTonnesPerYear: 800, source: 'visit' }, MANAGER, '2026-10-05T01:00:00.000Z'],
    ['UpdateProspect', { changes: { region: '华南', productsOfInterest: ['聚丙烯'] }, reason: '更正' }, MANAGER, '2026-10-05T02:00:00.000Z'],
    ['MarkProspectConverted', { applicationId: 'app-1' }, MANAGER, '2026-11-02T02:00:00.000Z'],
  ], 10);
  const plan = stream(developmentPlanWorkflow, 'plan-1', [
    ['DraftDevelopmentPlan', { planId: 'plan-1', quarter: '2026-Q4', deadline: DEADLINE, budgetYuan: 1000, targets: [{ targetId: 't-1', prospectId: 'p-1', goal: '签约', targetTonnes: null, customerManagerId: 'manager' }, { targetId: 't-2', prospectId: 'p-2', goal: '试单', targetTonnes: 10 }], supportRequested: [] }, SALES, '2026-10-05T03:00:00.000Z'],
    ['SubmitDevelopmentPlan', {}, SALES, '2026-10-05T04:00:00.000Z'],
    ['ApproveAsDepartmentHead', {}, HEAD, '2026-10-05T05:00:00.000Z'],
    ['RecordManagersMeetingApproval', { minutes: '同意', heldAt: '2026-10-05T06:00:00.000Z' }, GM, '2026-10-05T06:00:00.000Z'],
    ['RecordDevelopmentProgress', { entryId: 'e-1', targetId: 't-1', period: { kind: 'weekly', weekStarting: '2026-10-05' }, summary: '拜访', achieved: false }, SALES, '2026-10-09T06:00:00.000Z'],
    ['RecordDevelopmentProgress', { entryId: 'e-2', targetId: 't-1', period: { kind: 'monthly', month: '2026-10' }, summary: '签约', achieved: true }, SALES, '2026-10-30T06:00:00.000Z'],
    ['SubmitMonthlyDevelopmentReport', { month: '2026-10', summary: '十月完成情况' }, MANAGER, '2026-10-31T06:00:00.000Z'],
    ['MarkPlanDeadlinePassed', { deadline: DEADLINE }, SCHEDULER_ACTOR, DEADLINE],
    ['OpenDevelopmentAssessment', { quarterEnd: QUARTER_END }, SCHEDULER_ACTOR, QUARTER_END],
  ], 20);
  return [...prospect, ...plan];
}

describeReadModels('customer development read models', [prospectsProjection, plansProjection, monthlyReportsProjection], (replay) => {
  it('R-DEV-1..3: builds the prospect, plan and progress rows; replaying every event twice changes nothing', async () => {
    const events = history();
    await replay.expectReplayTwiceUnchanged(events);
    const prospect = await replay.readModels.db.selectFrom(PROSPECTS_TABLE).selectAll().executeTakeFirstOrThrow();
    expect(prospect).toMatchObject({ prospect_id: 'p-1', region: '华南', products: '["聚丙烯"]', status: 'converted', application_id: 'app-1' });
    const plan = await replay.readModels.db.selectFrom(PLANS_TABLE).selectAll().executeTakeFirstOrThrow();
    // R-DEV-2: the quarter ended after the deadline: the assessment is open (ADR 0027)
    expect(plan).toMatchObject({ plan_id: 'plan-1', status: 'assessment', approved_at: '2026-10-05T06:00:00.000Z', achieved: '["t-1"]', not_achieved: '["t-2"]' });
    const progress = await replay.readModels.db.selectFrom(PROGRESS_TABLE).selectAll().orderBy('entry_key').execute();
    expect(progress.map((r) => [r.entry_id, r.kind, r.week_starting, r.month])).toEqual([['e-1', 'weekly', '2026-10-05', '2026-10'], ['e-2', 'monthly', null, '2026-10']]);
    const reports = await replay.readModels.db.selectFrom(MONTHLY_REPORTS_TABLE).selectAll().execute();
    expect(reports.map(monthlyReportOf)).toEqual([expect.objectContaining({ month: '2026-10', entryIds: ['e-1', 'e-2'], achieved: ['t-1'], notified: ['supervisor', 'general_manager'] })]);
  });
});
