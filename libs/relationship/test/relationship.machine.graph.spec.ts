import { assertMachineGraph, tasksOnGraph, type AnyDomainEvent } from '@crm/workflow-kit';
import {
  DEFAULT_QUESTIONNAIRE, forumMachine, forumWorkflow, surveyMachine, surveyWorkflow, visitPlanMachine, visitPlanWorkflow, visitReportMachine, visitReportWorkflow,
  type ForumCommand, type SurveyCommand, type VisitPlanCommand, type VisitReportCommand,
} from '../src';
import { cmd, GM, later, MANAGER, run, SALES, SUPERVISOR, planItem, visitForm, withPlanItems } from './relationship.fixtures';

const unique = (...lists: AnyDomainEvent[][]) => [...new Map(lists.flat().map((e) => [JSON.stringify(e), e])).values()];
const byValue = { serializeState: (s: { value: unknown }) => JSON.stringify(s.value) };
const named = (machine: { events: string[] }) => machine.events.filter((t) => !t.startsWith('xstate.')).sort();
const types = (events: AnyDomainEvent[]) => [...new Set(events.map((e) => e.type))].sort();

describe('relationship machine graphs (@xstate/graph)', () => {
  it('R-VISIT-1: plan — every state reachable; the shortest way to approval is draft → submit → approve', () => {
    const items = [{ itemId: 'i-1', customerId: 'cust-1', month: 3 }];
    const events = run(visitPlanWorkflow, [
      cmd<VisitPlanCommand>('DraftVisitPlan', { planId: 'p', year: 2026, items }, MANAGER),
      cmd<VisitPlanCommand>('ReviseVisitPlan', { items }, MANAGER, later(1)),
      cmd<VisitPlanCommand>('SubmitVisitPlan', {}, MANAGER, later(2)),
      cmd<VisitPlanCommand>('ReturnVisitPlan', { reason: '补充' }, SALES, later(3)),
      cmd<VisitPlanCommand>('SubmitVisitPlan', {}, MANAGER, later(4)),
      cmd<VisitPlanCommand>('ApproveVisitPlan', {}, SALES, later(5)),
    ]);
    expect(types(events)).toEqual(named(visitPlanMachine));
    const report = assertMachineGraph(visitPlanMachine, { events: unique(events), ...byValue });
    expect(report.unreachable).toEqual([]);
    expect(report.pathsToFinal.approved).toEqual(['VisitPlanDrafted', 'VisitPlanSubmitted', 'VisitPlanApproved']);
    // issue 15: a submitted plan waits on the sales department, nothing else on anyone
    expect(tasksOnGraph(visitPlanWorkflow, { events: unique(events), ...byValue })).toEqual({ approved: [''], drafting: [''], none: [''], submitted: ['visit-plan.approve'] });
  });

  it('R-VISIT-3: report — filed at once without findings; with findings only the leader\'s acknowledgement ends it', () => {
    const services = withPlanItems(planItem());
    const base = { customerId: 'cust-1', visitedOn: '2026-03-01', basis: { kind: 'plan', planId: 'manager.2026', itemId: 'i-1' }, form: visitForm(), ratings: { quality: '优良', service: '良好', awareness: '知名' }, content: {}, departments: [] };
    const plain = run(visitReportWorkflow, [cmd<VisitReportCommand>('SubmitVisitReport', { ...base, reportId: 'r-1' } as never, MANAGER)], services);
    const found = run(visitReportWorkflow, [
      cmd<VisitReportCommand>('SubmitVisitReport', { ...base, reportId: 'r-2', findings: '包装破损', departments: ['quality'] } as never, MANAGER),
      cmd<VisitReportCommand>('AcknowledgeVisitFindings', {}, SUPERVISOR, later(1)),
    ], services);
    const events = unique(plain, found);
    expect(types(events)).toEqual(named(visitReportMachine));
    const report = assertMachineGraph(visitReportMachine, { events, ...byValue });
    expect(report.unreachable).toEqual([]);
    expect(report.finalStates.sort()).toEqual(['acknowledged', 'filed']);
    expect(report.pathsToFinal.acknowledged).toEqual(['VisitReportSubmitted', 'VisitFindingsAcknowledged']);
    // issue 15 (R-VISIT-3): findings wait on the responsible leader
    expect(tasksOnGraph(visitReportWorkflow, { events, ...byValue })).toEqual({ acknowledged: [''], awaitingAcknowledgement: ['visit-report.acknowledge'], filed: [''], none: [''] });
  });

  it('R-SURV-1: survey — responses, report, improvement plan, the general manager\'s approval', () => {
    const straight = run(surveyWorkflow, [
      cmd<SurveyCommand>('OpenSurveyCampaign', { year: 2026, title: '年度调查', questionnaire: DEFAULT_QUESTIONNAIRE }, SALES),
      cmd<SurveyCommand>('RecordSurveyResponse', { responseId: 's-1', customerId: 'c', channel: 'phone', respondedOn: '2026-03-01', answers: { productQuality: 90, serviceQuality: 80, companyImage: 85 } }, MANAGER),
      cmd<SurveyCommand>('IssueSurveyReport', { summary: '总体满意' }, SALES, later(1)),
      cmd<SurveyCommand>('ReviewSurveyReport', {}, GM, later(1)),
      cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['m'] }, SALES, later(2)),
      cmd<SurveyCommand>('ApproveImprovementPlan', {}, GM, later(3)),
    ]);
    const events = run(surveyWorkflow, [
      cmd<SurveyCommand>('OpenSurveyCampaign', { year: 2026, title: '年度调查', questionnaire: DEFAULT_QUESTIONNAIRE }, SALES),
      cmd<SurveyCommand>('RecordSurveyResponse', { responseId: 's-1', customerId: 'c', channel: 'phone', respondedOn: '2026-03-01', answers: { productQuality: 90, serviceQuality: 80, companyImage: 85 } }, MANAGER),
      cmd<SurveyCommand>('IssueSurveyReport', { summary: '总体满意' }, SALES, later(1)),
      cmd<SurveyCommand>('ReviewSurveyReport', {}, GM, later(1)),
      cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['m'] }, SALES, later(2)),
      cmd<SurveyCommand>('ReturnImprovementPlan', { reason: 'r' }, GM, later(3)),
      cmd<SurveyCommand>('SubmitImprovementPlan', { measures: ['m2'] }, SALES, later(4)),
      cmd<SurveyCommand>('ApproveImprovementPlan', {}, GM, later(5)),
    ]);
    expect(types(events)).toEqual(named(surveyMachine));
    // the responses held matter: a report needs at least one, so states are told apart by their count too
    const serializeState = (s: { value: unknown; context: { responses: unknown[]; planCount: number } }) => JSON.stringify([s.value, s.context.responses.length, s.context.planCount]);
    const report = assertMachineGraph(surveyMachine, { events: unique(straight, events), serializeState: serializeState as never });
    expect(report.unreachable).toEqual([]);
    expect(report.pathsToFinal.planApproved).toEqual(['SurveyCampaignOpened', 'SurveyResponseRecorded', 'SurveyReportIssued', 'SurveyReportReviewed', 'ImprovementPlanSubmitted', 'ImprovementPlanApproved']);
    // issue 15 (R-SURV-1): the report waits on the leadership's review (ADR 0025), then owes an improvement plan, a submitted plan waits on the general manager
    expect(tasksOnGraph(surveyWorkflow, { events: unique(straight, events), serializeState: serializeState as never })).toEqual({ collecting: [''], none: [''], planApproved: [''], planSubmitted: ['satisfaction-survey.approve-plan'], reportInReview: ['satisfaction-survey.review-report'], reported: ['satisfaction-survey.improvement-plan'] });
  });

  it('R-FORUM-1: forum — plan submitted, returned, revised, approved by the leader, then the minutes', () => {
    const plan = { title: 't', plannedOn: '2026-03-02', invitees: [{ name: 'n', organisation: 'o' }], agenda: ['a'], budgetYuan: 100 };
    const events = run(forumWorkflow, [
      cmd<ForumCommand>('SubmitForumPlan', { forumId: 'f', ...plan }, SALES),
      cmd<ForumCommand>('ReturnForumPlan', { reason: 'r' }, SUPERVISOR, later(1)),
      cmd<ForumCommand>('ReviseForumPlan', plan, SALES, later(2)),
      cmd<ForumCommand>('ApproveForumPlan', {}, GM, later(3)),
      cmd<ForumCommand>('FileForumMinutes', { forumId: 'f', heldOn: '2026-03-02', attendees: [{ name: 'n', organisation: 'o' }], topics: [], minutes: 'm', followUps: [], attachments: [] }, SALES, later(4)),
    ]);
    const straight = run(forumWorkflow, [cmd<ForumCommand>('SubmitForumPlan', { forumId: 'f', ...plan }, SALES), cmd<ForumCommand>('ApproveForumPlan', {}, GM, later(1)), cmd<ForumCommand>('FileForumMinutes', { forumId: 'f', heldOn: '2026-03-02', attendees: [{ name: 'n', organisation: 'o' }], topics: [], minutes: 'm', followUps: [], attachments: [] }, SALES, later(4))]);
    expect(types(events)).toEqual(named(forumMachine));
    // the plan number matters: an approval names the plan it decides on
    const serializeState = (s: { value: unknown; context: { planNo: number } }) => JSON.stringify([s.value, s.context.planNo]);
    const report = assertMachineGraph(forumMachine, { events: unique(straight, events), serializeState: serializeState as never });
    expect(report.unreachable).toEqual([]);
    expect(report.pathsToFinal.filed).toEqual(['ForumPlanSubmitted', 'ForumPlanApproved', 'ForumMinutesFiled']);
    // ADR 0025: the leader approves, a returned plan waits on the sales department, an approved one owes its minutes
    expect(tasksOnGraph(forumWorkflow, { events: unique(straight, events), serializeState: serializeState as never })).toEqual({
      filed: [''], none: [''], planApproved: ['customer-forum.file-minutes'], planReturned: ['customer-forum.revise-plan'], planSubmitted: ['customer-forum.approve-plan'],
    });
  });
});
