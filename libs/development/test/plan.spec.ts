import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { developmentPlanWorkflow } from '../src';
import { approvedPlan, at, cmd, DEADLINE, draftCommand, GM, HEAD, history, MANAGER, planContent, planState, SALES, SALES_2, SCHEDULER } from './development.fixtures';

const spec = workflowSpec(developmentPlanWorkflow);
const submitted = () => history(developmentPlanWorkflow, [draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2))]);
const headApproved = () => approvedPlan().slice(0, 3);
const weekly = (entryId: string, targetId: string, weekStarting: string, achieved = false) =>
  cmd('RecordDevelopmentProgress', { entryId, targetId, period: { kind: 'weekly', weekStarting }, summary: '走访一次', achieved }, SALES, at(24 * 7));

describe('development plan (R-DEV-2)', () => {
  it('R-DEV-2: the sales department drafts a quarter plan with targets, deadline, budget and support requested', () => {
    spec.given([]).when(draftCommand()).thenMatches([
      { type: 'DevelopmentPlanDrafted', data: { planId: 'plan-1', quarter: '2026-Q4', budgetYuan: 50000, supportRequested: [{ department: '财务资产部' }], by: 'sales-li' } },
    ]);
  });

  it('R-DEV-2: a deadline already past is refused naming the field', () => {
    const late = cmd('DraftDevelopmentPlan', { planId: 'plan-1', ...planContent(at(-1)) }, SALES, at(1));
    spec.given([]).when(late).thenThrows(DomainRuleViolation, 'deadline must lie ahead');
  });

  it('R-DEV-2: department head first, then the managers meeting recorded by the general manager', () => {
    spec.given(submitted()).when(cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(3) }, GM, at(3))).thenThrows(TransitionNotAllowed);
    spec.given(submitted()).when(cmd('ApproveAsDepartmentHead', { comment: '同意' }, HEAD, at(3))).thenMatches([
      { type: 'DevelopmentPlanApprovedByDepartmentHead', data: { comment: '同意', role: 'supervisor' } },
    ]);
    spec.given(headApproved()).when(cmd('RecordManagersMeetingApproval', { minutes: '同意', heldAt: at(4) }, GM, at(5))).thenMatches([
      { type: 'DevelopmentPlanApprovedByManagersMeeting', data: { heldAt: at(4), role: 'general_manager' } },
    ]);
    expect(planState(approvedPlan()).state).toBe('approved');
  });

  it('R-DEV-2: the department step needs the department head; the meeting needs the general manager', () => {
    spec.given(submitted()).when(cmd('ApproveAsDepartmentHead', {}, GM, at(3))).thenThrows(NotPermitted, 'R-DEV-2');
    spec.given(headApproved()).when(cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(4) }, HEAD, at(5))).thenThrows(NotPermitted, 'R-DEV-2');
  });

  it('R-DEV-2: a meeting not yet held is not recorded', () => {
    spec.given(headApproved()).when(cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(9) }, GM, at(5))).thenThrows(DomainRuleViolation, 'once it has been held');
  });

  it('DEV-SELF: whoever drafted or revised the plan approves it at no step', () => {
    const both = { id: 'sales-li', roles: ['sales_reviewer', 'supervisor'] as const };
    spec.given(submitted()).when(cmd('ApproveAsDepartmentHead', {}, { ...both, roles: [...both.roles] }, at(3))).thenThrows(NotPermitted, 'DEV-SELF');
    const revisedByGm = history(developmentPlanWorkflow, [
      draftCommand(), cmd('ReviseDevelopmentPlan', { ...planContent(), reason: '补充' }, { id: 'gm-zhou', roles: ['sales_reviewer', 'general_manager'] }, at(2)),
      cmd('SubmitDevelopmentPlan', {}, SALES, at(3)), cmd('ApproveAsDepartmentHead', {}, HEAD, at(4)),
    ]);
    spec.given(revisedByGm).when(cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(5) }, GM, at(5))).thenThrows(NotPermitted, 'DEV-SELF');
  });

  it('R-DEV-2: returned for revision goes back to draft; the approval starts over', () => {
    const returned = history(developmentPlanWorkflow, [
      draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2)), cmd('ApproveAsDepartmentHead', {}, HEAD, at(3)),
      cmd('ReturnDevelopmentPlan', { reason: '预算过高' }, GM, at(4)),
    ]);
    expect(returned[3]).toMatchObject({ type: 'DevelopmentPlanReturned', data: { stage: 'managersMeeting', reason: '预算过高' } });
    const state = planState(returned);
    expect(state.state).toBe('draft');
    expect(state.context.departmentHeadApproval).toBeNull();
  });

  it('R-DEV-2: rejected with a reason ends the plan', () => {
    const rejected = history(developmentPlanWorkflow, [draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2)), cmd('RejectDevelopmentPlan', { reason: '不符合战略' }, HEAD, at(3))]);
    expect(planState(rejected)).toMatchObject({ state: 'rejected', done: true });
    spec.given(rejected).when(cmd('SubmitDevelopmentPlan', {}, SALES, at(4))).thenThrows(TransitionNotAllowed);
  });
});

describe('development plan deadline and progress (R-DEV-2, R-DEV-3)', () => {
  it('R-DEV-2: the approval schedules the plan deadline as a durable timer', () => {
    const before = approvedPlan().slice(0, 3);
    spec.given(before).when(cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(4) }, GM, at(5))).thenSchedules([
      { key: 'plan-deadline', dueAt: DEADLINE, command: { type: 'MarkPlanDeadlinePassed', data: { deadline: DEADLINE } } },
    ]);
  });

  it('R-DEV-3: progress is recorded against a plan target; a target of another plan is refused', () => {
    spec.given(approvedPlan()).when(weekly('e-1', 't-1', '2026-10-05', true)).thenMatches([
      { type: 'DevelopmentProgressRecorded', data: { entryId: 'e-1', targetId: 't-1', prospectId: 'p-1', achieved: true, period: { kind: 'weekly', weekStarting: '2026-10-05' } } },
    ]);
    spec.given(approvedPlan()).when(weekly('e-1', 't-9', '2026-10-05')).thenThrows(DomainRuleViolation, 'no target t-9');
  });

  it('R-DEV-3: progress entries, weekly or monthly, notify no one by themselves (the monthly report does, once)', () => {
    const monthly = cmd('RecordDevelopmentProgress', { entryId: 'm-1', targetId: 't-1', period: { kind: 'monthly', month: '2026-10' }, summary: '本月签约一家', achieved: false }, SALES, at(24 * 40));
    const entry = spec.given(approvedPlan()).when(monthly).thenMatches([{ type: 'DevelopmentProgressRecorded', data: { period: { kind: 'monthly' } } }]);
    expect(entry.events[0].data).not.toHaveProperty('notify');
    const summary = spec.given(approvedPlan()).when(weekly('e-1', 't-1', '2026-10-05')).thenMatches([{ type: 'DevelopmentProgressRecorded' }]);
    expect(summary.events[0].data).not.toHaveProperty('notify');
  });

  it('R-DEV-3: an entry is recorded once, and not for a week still ahead', () => {
    const once = approvedPlan();
    const withEntry = history(developmentPlanWorkflow, [
      draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2)), cmd('ApproveAsDepartmentHead', {}, HEAD, at(3)),
      cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(4) }, GM, at(5)), weekly('e-1', 't-1', '2026-10-05'),
    ]);
    spec.given(withEntry).when(weekly('e-1', 't-2', '2026-10-05')).thenThrows(DomainRuleViolation, 'already recorded');
    spec.given(once).when(weekly('e-2', 't-1', '2026-12-28')).thenThrows(DomainRuleViolation, 'period that has begun');
  });

  it('R-DEV-2: when the deadline passes, targets not achieved are marked not achieved and the plan concludes', () => {
    const events = history(developmentPlanWorkflow, [
      draftCommand(), cmd('SubmitDevelopmentPlan', {}, SALES, at(2)), cmd('ApproveAsDepartmentHead', {}, HEAD, at(3)),
      cmd('RecordManagersMeetingApproval', { minutes: 'm', heldAt: at(4) }, GM, at(5)), weekly('e-1', 't-1', '2026-10-05', true),
    ]);
    spec.given(events).when(cmd('MarkPlanDeadlinePassed', { deadline: DEADLINE }, SCHEDULER, DEADLINE)).then([
      { type: 'DevelopmentPlanDeadlinePassed', data: { deadline: DEADLINE, achieved: ['t-1'], notAchieved: ['t-2'], at: DEADLINE } },
    ]);
  });

  it('DEV-TIMER: only the scheduler fires the deadline, never early; a stale firing does nothing', () => {
    spec.given(approvedPlan()).when(cmd('MarkPlanDeadlinePassed', { deadline: DEADLINE }, MANAGER, DEADLINE)).thenThrows(NotPermitted, 'DEV-TIMER');
    spec.given(approvedPlan()).when(cmd('MarkPlanDeadlinePassed', { deadline: DEADLINE }, SCHEDULER, at(6))).thenThrows(DomainRuleViolation, 'DEV-TIMER');
    spec.given(approvedPlan()).when(cmd('MarkPlanDeadlinePassed', { deadline: at(100) }, SCHEDULER, DEADLINE)).then([]);
  });

  it('R-DEV-3: another drafter of the department may report progress too', () => {
    spec.given(approvedPlan()).when({ ...weekly('e-1', 't-2', '2026-10-05'), meta: { actor: SALES_2, now: at(200) } }).thenMatches([{ type: 'DevelopmentProgressRecorded', data: { by: 'sales-chen' } }]);
  });
});
