import { type AnyDomainEvent, decideOnWorkflow, DomainRuleViolation, NotPermitted, replayEvents, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { developmentPlanWorkflow, type PlanCommand } from '../src';
import { approvedPlan, at, cmd, FINANCE, MANAGER, SALES } from './development.fixtures';

const spec = workflowSpec(developmentPlanWorkflow);
/** 9 November 2026, 09:00 Beijing */
const NOV_9 = at(24 * 35);
const entry = (entryId: string, targetId: string, period: object, achieved = false) =>
  cmd('RecordDevelopmentProgress', { entryId, targetId, period, summary: '进展', achieved } as never, SALES, NOV_9);
const report = (month: string, now = NOV_9, actor = MANAGER) => cmd('SubmitMonthlyDevelopmentReport', { month, summary: '十月完成情况：签约一家' }, actor, now);

/** `events` followed by what the real decider makes of each command in turn. */
const decided = (events: AnyDomainEvent[], command: PlanCommand) =>
  decideOnWorkflow(developmentPlanWorkflow, replayEvents(developmentPlanWorkflow, events), events.length - 1, command, undefined).events;
const continued = (events: AnyDomainEvent[], commands: PlanCommand[]) => commands.reduce((sofar, command) => [...sofar, ...decided(sofar, command)], events);

/** An approved plan with October's weekly summary and monthly entry (t-1 achieved) and November's first weekly one. */
const reported = () => continued(approvedPlan(), [
  entry('w-1', 't-1', { kind: 'weekly', weekStarting: '2026-10-05' }),
  entry('m-1', 't-1', { kind: 'monthly', month: '2026-10' }, true),
  entry('w-2', 't-2', { kind: 'weekly', weekStarting: '2026-11-02' }),
]);

describe('the monthly completion report (R-DEV-3 提交月度完成情况上报部门经理、总经理)', () => {
  it('R-DEV-3: the month’s report names the department manager and the GM, with the month’s entries and the completion so far', () => {
    spec.given(reported()).when(report('2026-10')).thenMatches([{
      type: 'DevelopmentMonthlyReportSubmitted',
      data: { month: '2026-10', entryIds: ['w-1', 'm-1'], achieved: ['t-1'], notAchieved: ['t-2'], notify: ['supervisor', 'general_manager'], by: 'cm-wang', role: 'customer_manager' },
    }]);
  });

  it('R-DEV-3: one report per plan and month (a second is refused naming month), and none for a month not begun', () => {
    const once = continued(reported(), [report('2026-10')]);
    spec.given(once).when(report('2026-10', at(24 * 36))).thenThrows(DomainRuleViolation, 'R-DEV-3: the report for 2026-10 is already submitted');
    spec.given(once).when(report('2026-11', at(24 * 36))).thenMatches([{ type: 'DevelopmentMonthlyReportSubmitted', data: { month: '2026-11', entryIds: ['w-2'] } }]);
    spec.given(reported()).when(report('2026-12')).thenThrows(DomainRuleViolation, 'once it has begun');
  });

  it('R-DEV-3: submitted by the development specialists (customer managers, the sales department), on a running plan', () => {
    spec.given(reported()).when(report('2026-10', NOV_9, FINANCE)).thenThrows(NotPermitted, 'R-DEV-3');
    spec.given(reported()).when(report('2026-10', NOV_9, SALES)).thenMatches([{ type: 'DevelopmentMonthlyReportSubmitted', data: { role: 'sales_reviewer' } }]);
    spec.given(approvedPlan().slice(0, 2)).when(report('2026-10')).thenThrows(TransitionNotAllowed);
  });

  it('R-DEV-3: the machine refuses a report whose completion is not the plan’s own', () => {
    const [submitted] = decided(reported(), report('2026-10'));
    const snapshot = replayEvents(developmentPlanWorkflow, reported());
    expect(snapshot.can(submitted as never)).toBe(true);
    expect(snapshot.can({ ...submitted, data: { ...(submitted.data as object), achieved: ['t-1', 't-2'], notAchieved: [] } } as never)).toBe(false);
    expect(snapshot.can({ ...submitted, data: { ...(submitted.data as object), entryIds: ['m-1'] } } as never)).toBe(false);
  });
});
