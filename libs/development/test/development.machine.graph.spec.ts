import { assertMachineGraph, tasksOnGraph, type AnyDomainEvent } from '@crm/workflow-kit';
import { developmentPlanWorkflow, type PlanContext, planMachine, prospectMachine, prospectWorkflow } from '../src';
import { at, cmd, DEADLINE, draftCommand, GM, HEAD, history, MANAGER, pcmd, planContent, registerCommand, SALES, SCHEDULER } from './development.fixtures';

const QUARTER_END = '2026-12-31T16:00:00.000Z';
const unique = (events: AnyDomainEvent[]) => [...new Map(events.map((e) => [JSON.stringify(e), e])).values()];
const named = (machine: { events: string[] }) => machine.events.filter((t) => !t.startsWith('xstate.')).sort();

/** One real instance of every plan event type, produced by the decider itself (guards read their data). */
function planSamples(): AnyDomainEvent[] {
  const approve = [cmd('SubmitDevelopmentPlan', {}, SALES, at(3)), cmd('ApproveAsDepartmentHead', {}, HEAD, at(4))];
  const long = history(developmentPlanWorkflow, [
    draftCommand(), cmd('ReviseDevelopmentPlan', { ...planContent(), reason: '补充' }, SALES, at(2)), ...approve,
    cmd('ReturnDevelopmentPlan', { reason: '预算' }, GM, at(5)), cmd('SubmitDevelopmentPlan', {}, SALES, at(6)),
    cmd('ReturnDevelopmentPlan', { reason: '再议' }, HEAD, at(7)), cmd('SubmitDevelopmentPlan', {}, SALES, at(8)),
    cmd('ApproveAsDepartmentHead', {}, HEAD, at(9)), cmd('RecordManagersMeetingApproval', { minutes: '同意', heldAt: at(10) }, GM, at(10)),
    cmd('RecordDevelopmentProgress', { entryId: 'e-1', targetId: 't-1', period: { kind: 'monthly', month: '2026-10' }, summary: '进展', achieved: false }, SALES, at(11)),
    cmd('SubmitMonthlyDevelopmentReport', { month: '2026-10', summary: '十月完成情况' }, MANAGER, at(12)),
    cmd('MarkPlanDeadlinePassed', { deadline: DEADLINE }, SCHEDULER, DEADLINE),
    cmd('OpenDevelopmentAssessment', { quarterEnd: QUARTER_END }, SCHEDULER, QUARTER_END),
    cmd('AssessCustomerManager', { customerManagerId: 'cm-wang', result: 'met', comment: '完成', payoutYuan: 2000 }, SALES, QUARTER_END),
    cmd('AssessCustomerManager', { customerManagerId: 'cm-zhao', result: 'not_met', comment: '未完成', payoutYuan: null }, SALES, QUARTER_END),
  ]);
  const rejectedByHead = history(developmentPlanWorkflow, [draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2)), cmd('RejectDevelopmentPlan', { reason: '否' }, HEAD, at(3))]);
  const rejectedByMeeting = history(developmentPlanWorkflow, [draftCommand(), ...approve, cmd('RejectDevelopmentPlan', { reason: '否' }, GM, at(5))]);
  // a conversion is sampled on its own: the graph reaches `concluded` by its shortest path, without one
  const converted = history(developmentPlanWorkflow, [draftCommand(), cmd('RecordTargetConversion', { prospectId: 'p-1', applicationId: 'app-1', convertedAt: at(2) }, SCHEDULER, at(2))]);
  return unique([...long, ...rejectedByHead, ...rejectedByMeeting, ...converted]);
}

function prospectSamples(): AnyDomainEvent[] {
  const converted = history(prospectWorkflow, [registerCommand(), pcmd('UpdateProspect', { changes: { region: '华南' }, reason: '更正' }, MANAGER, at(1)), pcmd('MarkProspectConverted', { applicationId: 'app-1' }, MANAGER, at(2))]);
  const dropped = history(prospectWorkflow, [registerCommand(), pcmd('DropProspect', { reason: '无需求' }, MANAGER, at(1))]);
  return unique([...converted, ...dropped]);
}

/** How many managers are assessed is part of a plan's state: the last assessment is what reaches `assessed`. */
const planStates = { serializeState: (s: any) => JSON.stringify([s.value, (s.context as PlanContext).assessed.length]) };

describe('development plan machine graph (@xstate/graph)', () => {
  const events = planSamples();
  const report = assertMachineGraph(planMachine, { events, ...planStates });

  it('samples cover every event type the machine names', () => {
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual(named(planMachine));
  });

  it('R-DEV-2: every state is reachable; a plan ends rejected or concluded at its deadline', () => {
    expect(report.unreachable).toEqual([]);
    expect(report.reached).toEqual(expect.arrayContaining(['none', 'draft', 'review.departmentHead', 'review.managersMeeting', 'approved', 'rejected', 'concluded', 'assessment', 'assessed']));
    expect([...report.finalStates].sort()).toEqual(['assessed', 'rejected']);
  });

  it('R-DEV-2: the shortest way to approval goes department head → managers meeting; at quarter end each manager is assessed', () => {
    expect(report.pathsToFinal.assessed).toEqual([
      'DevelopmentPlanDrafted', 'DevelopmentPlanSubmitted', 'DevelopmentPlanApprovedByDepartmentHead', 'DevelopmentPlanApprovedByManagersMeeting', 'DevelopmentPlanDeadlinePassed',
      'DevelopmentAssessmentOpened', 'CustomerManagerAssessed', 'CustomerManagerAssessed', 'DevelopmentAssessmentCompleted',
    ]);
  });
});

describe('prospect machine graph (@xstate/graph)', () => {
  const events = prospectSamples();
  const report = assertMachineGraph(prospectMachine, { events, serializeState: (s) => JSON.stringify(s.value) });

  it('R-DEV-1: every state is reachable; an archive ends converted or dropped', () => {
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual(named(prospectMachine));
    expect(report.unreachable).toEqual([]);
    expect([...report.finalStates].sort()).toEqual(['converted', 'dropped']);
  });
});

describe('development human tasks on the machine graphs (issue 15)', () => {
  const byValue = { serializeState: (s: any) => JSON.stringify(s.value) };
  it('R-DEV-2: the department head, the managers\' meeting and the quarter-end assessment open tasks; a draft, an approved plan and a prospect wait on no one', () => {
    expect(tasksOnGraph(developmentPlanWorkflow, { events: planSamples(), ...planStates })).toEqual({
      approved: [''], concluded: [''], draft: [''], none: [''], rejected: [''], assessed: [''],
      // one task per manager yet to assess: both at first, then the one left, then none (the completion event follows in the same append)
      assessment: ['', 'development-plan.assessment', 'development-plan.assessment+development-plan.assessment'],
      'review.departmentHead': ['development-plan.department-head'], 'review.managersMeeting': ['development-plan.managers-meeting'],
    });
    expect(tasksOnGraph(prospectWorkflow, { events: prospectSamples(), ...byValue })).toEqual({ active: [''], converted: [''], dropped: [''], none: [''] });
  });
});
