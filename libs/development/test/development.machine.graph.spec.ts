import { assertMachineGraph, tasksOnGraph, type AnyDomainEvent } from '@crm/workflow-kit';
import { developmentPlanWorkflow, planMachine, prospectMachine, prospectWorkflow } from '../src';
import { at, cmd, DEADLINE, draftCommand, GM, HEAD, history, MANAGER, pcmd, planContent, registerCommand, SALES, SCHEDULER } from './development.fixtures';

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
  ]);
  const rejectedByHead = history(developmentPlanWorkflow, [draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2)), cmd('RejectDevelopmentPlan', { reason: '否' }, HEAD, at(3))]);
  const rejectedByMeeting = history(developmentPlanWorkflow, [draftCommand(), ...approve, cmd('RejectDevelopmentPlan', { reason: '否' }, GM, at(5))]);
  return unique([...long, ...rejectedByHead, ...rejectedByMeeting]);
}

function prospectSamples(): AnyDomainEvent[] {
  const converted = history(prospectWorkflow, [registerCommand(), pcmd('UpdateProspect', { changes: { region: '华南' }, reason: '更正' }, MANAGER, at(1)), pcmd('MarkProspectConverted', { applicationId: 'app-1' }, MANAGER, at(2))]);
  const dropped = history(prospectWorkflow, [registerCommand(), pcmd('DropProspect', { reason: '无需求' }, MANAGER, at(1))]);
  return unique([...converted, ...dropped]);
}

describe('development plan machine graph (@xstate/graph)', () => {
  const events = planSamples();
  const report = assertMachineGraph(planMachine, { events, serializeState: (s) => JSON.stringify(s.value) });

  it('samples cover every event type the machine names', () => {
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual(named(planMachine));
  });

  it('R-DEV-2: every state is reachable; a plan ends rejected or concluded at its deadline', () => {
    expect(report.unreachable).toEqual([]);
    expect(report.reached).toEqual(expect.arrayContaining(['none', 'draft', 'review.departmentHead', 'review.managersMeeting', 'approved', 'rejected', 'concluded']));
    expect([...report.finalStates].sort()).toEqual(['concluded', 'rejected']);
  });

  it('R-DEV-2: the shortest way to approval goes department head → managers meeting', () => {
    expect(report.pathsToFinal.concluded).toEqual([
      'DevelopmentPlanDrafted', 'DevelopmentPlanSubmitted', 'DevelopmentPlanApprovedByDepartmentHead', 'DevelopmentPlanApprovedByManagersMeeting', 'DevelopmentPlanDeadlinePassed',
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
  it('R-DEV-2: the department head and the managers\' meeting each open a task; a draft, an approved plan and a prospect wait on no one', () => {
    expect(tasksOnGraph(developmentPlanWorkflow, { events: planSamples(), ...byValue })).toEqual({ approved: [''], concluded: [''], draft: [''], none: [''], rejected: [''], 'review.departmentHead': ['development-plan.department-head'], 'review.managersMeeting': ['development-plan.managers-meeting'] });
    expect(tasksOnGraph(prospectWorkflow, { events: prospectSamples(), ...byValue })).toEqual({ active: [''], converted: [''], dropped: [''], none: [''] });
  });
});
