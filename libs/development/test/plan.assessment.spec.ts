import { type Actor, type AnyDomainEvent, decideOnWorkflow, declaredTasks, DomainRuleViolation, NotPermitted, replayEvents, workflowSpec } from '@crm/workflow-kit';
import { developmentPlanWorkflow, type PlanCommand, planDeadlines } from '../src';
import { approvedPlan, at, cmd, DEADLINE, draftCommand, HEAD, MANAGER, planState, SALES, SCHEDULER } from './development.fixtures';

const spec = workflowSpec(developmentPlanWorkflow);
/** 2027-01-01 00:00 Beijing: the end of 2026-Q4. */
const QUARTER_END = '2026-12-31T16:00:00.000Z';
const decided = (events: AnyDomainEvent[], command: PlanCommand) =>
  decideOnWorkflow(developmentPlanWorkflow, replayEvents(developmentPlanWorkflow, events), events.length - 1, command, undefined).events;
const continued = (events: AnyDomainEvent[], commands: PlanCommand[]) => commands.reduce((sofar, command) => [...sofar, ...decided(sofar, command)], events);

const conversion = (prospectId: string, convertedAt: string) => cmd('RecordTargetConversion', { prospectId, applicationId: `app-${prospectId}`, convertedAt }, SCHEDULER, convertedAt);
const deadlinePassed = cmd('MarkPlanDeadlinePassed', { deadline: DEADLINE }, SCHEDULER, DEADLINE);
const open = (now = QUARTER_END) => cmd('OpenDevelopmentAssessment', { quarterEnd: QUARTER_END }, SCHEDULER, now);
const assess = (customerManagerId: string, actor: Actor = SALES, result: 'met' | 'not_met' = 'met') =>
  cmd('AssessCustomerManager', { customerManagerId, result, comment: '按完成情况考核', payoutYuan: result === 'met' ? 3000 : null }, actor, QUARTER_END);

/** t-1 (王经理) converted in the quarter, t-2 (赵经理) neither achieved nor converted; the deadline passed. */
const concluded = () => continued(approvedPlan(), [conversion('p-1', at(24 * 30)), deadlinePassed]);
const opened = () => continued(concluded(), [open()]);

describe('quarterly targets per customer manager and their assessment (R-DEV-2 分解至客户经理组织实施,并根据完成情况进行考核兑现)', () => {
  it('R-DEV-2: the plan splits each target to a customer manager, who must be an active customer manager when it is decided', () => {
    spec.given([]).when(draftCommand()).thenMatches([{ type: 'DevelopmentPlanDrafted', data: { targets: [{ targetId: 't-1', customerManagerId: 'cm-wang' }, { targetId: 't-2', customerManagerId: 'cm-zhao' }] } }]);
    expect(developmentPlanWorkflow.peopleOf?.(draftCommand(), planState([]))).toEqual([
      { userId: 'cm-wang', roles: ['customer_manager'], field: 'targets.0.customerManagerId', ruleId: 'R-DEV-2' },
      { userId: 'cm-zhao', roles: ['customer_manager'], field: 'targets.1.customerManagerId', ruleId: 'R-DEV-2' },
    ]);
  });

  it('R-DEV-2: a conversion of a target’s prospect is recorded by the conversion process only, once per target', () => {
    spec.given(approvedPlan()).when(conversion('p-1', at(48))).thenMatches([{ type: 'DevelopmentTargetConverted', data: { targetIds: ['t-1'], prospectId: 'p-1', applicationId: 'app-p-1' } }]);
    spec.given(continued(approvedPlan(), [conversion('p-1', at(48))])).when(conversion('p-1', at(49))).thenMatches([]);
    spec.given(approvedPlan()).when(conversion('p-9', at(48))).thenMatches([]);
    spec.given(approvedPlan()).when(cmd('RecordTargetConversion', { prospectId: 'p-1', applicationId: 'a', convertedAt: at(48) }, MANAGER, at(48))).thenThrows(NotPermitted, 'R-DEV-2');
  });

  it('R-DEV-2 + DEV-TIMER: a concluded plan schedules the quarter end, which opens the assessment with each manager’s completion', () => {
    expect(planDeadlines(planState(concluded()))).toEqual([{ key: 'quarter-end', dueAt: QUARTER_END, command: { type: 'OpenDevelopmentAssessment', data: { quarterEnd: QUARTER_END } } }]);
    spec.given(concluded()).when(open()).thenMatches([{
      type: 'DevelopmentAssessmentOpened',
      data: {
        quarter: '2026-Q4', quarterEnd: QUARTER_END,
        managers: [
          { customerManagerId: 'cm-wang', targetIds: ['t-1'], achieved: [], converted: ['t-1'], completed: ['t-1'] },
          { customerManagerId: 'cm-zhao', targetIds: ['t-2'], achieved: [], converted: [], completed: [] },
        ],
      },
    }]);
    expect(planDeadlines(planState(opened()))).toEqual([]);
  });

  it('R-DEV-2: completion counts progress reported achieved, and conversions within the plan’s quarter only', () => {
    const achieved = cmd('RecordDevelopmentProgress', { entryId: 'm-1', targetId: 't-2', period: { kind: 'monthly', month: '2026-11' }, summary: '签约', achieved: true }, SALES, at(24 * 40));
    const history = continued(approvedPlan(), [achieved, deadlinePassed, conversion('p-1', '2027-01-01T01:00:00.000Z')]);
    const [openedEvent] = decided(history, open('2027-01-02T00:00:00.000Z'));
    expect((openedEvent.data as { managers: unknown }).managers).toEqual([
      { customerManagerId: 'cm-wang', targetIds: ['t-1'], achieved: [], converted: [], completed: [] },
      { customerManagerId: 'cm-zhao', targetIds: ['t-2'], achieved: ['t-2'], converted: [], completed: ['t-2'] },
    ]);
  });

  it('DEV-TIMER: the assessment opens at quarter end, by the scheduler, once', () => {
    spec.given(concluded()).when(open('2026-12-31T15:59:59.500Z')).thenThrows(DomainRuleViolation, 'DEV-TIMER');
    spec.given(concluded()).when(cmd('OpenDevelopmentAssessment', { quarterEnd: QUARTER_END }, SALES, QUARTER_END)).thenThrows(NotPermitted, 'DEV-TIMER');
    spec.given(opened()).when(open()).thenMatches([]);
    spec.given(approvedPlan()).when(open()).thenMatches([]);
  });

  it('R-DEV-2 考核兑现: the sales department records each manager’s result, comment and payout on the completion on record', () => {
    spec.given(opened()).when(assess('cm-wang')).thenMatches([{
      type: 'CustomerManagerAssessed',
      data: { customerManagerId: 'cm-wang', result: 'met', comment: '按完成情况考核', payoutYuan: 3000, completion: { completed: ['t-1'] }, by: 'sales-li', role: 'sales_reviewer' },
    }]);
    spec.given(continued(opened(), [assess('cm-wang')])).when(assess('cm-zhao', SALES, 'not_met')).thenMatches([
      { type: 'CustomerManagerAssessed', data: { customerManagerId: 'cm-zhao', result: 'not_met', payoutYuan: null } },
      { type: 'DevelopmentAssessmentCompleted', data: { results: [{ customerManagerId: 'cm-wang', result: 'met' }, { customerManagerId: 'cm-zhao', result: 'not_met' }] } },
    ]);
    const done = continued(opened(), [assess('cm-wang'), assess('cm-zhao', SALES, 'not_met')]);
    expect(planState(done).state).toBe('assessed');
    expect(planState(done).context.assessed).toEqual([
      { customerManagerId: 'cm-wang', result: 'met', comment: '按完成情况考核', payoutYuan: 3000, by: 'sales-li', at: QUARTER_END },
      { customerManagerId: 'cm-zhao', result: 'not_met', comment: '按完成情况考核', payoutYuan: null, by: 'sales-li', at: QUARTER_END },
    ]);
  });

  it('R-DEV-2: only the sales department assesses, nobody their own completion, each manager once, and only managers with targets', () => {
    spec.given(opened()).when(assess('cm-wang', HEAD)).thenThrows(NotPermitted, 'R-DEV-2');
    const both: Actor = { id: 'cm-wang', roles: ['customer_manager', 'sales_reviewer'] };
    spec.given(opened()).when(assess('cm-wang', both)).thenThrows(NotPermitted, 'their own completion');
    spec.given(continued(opened(), [assess('cm-wang')])).when(assess('cm-wang')).thenThrows(DomainRuleViolation, 'already assessed');
    spec.given(opened()).when(assess('cm-li')).thenThrows(DomainRuleViolation, 'carries no target');
    spec.given(concluded()).when(assess('cm-wang')).thenThrows(DomainRuleViolation, 'carries no target');
  });

  it('R-DEV-2: the quarter-end assessment is a human task per manager yet to assess, for the sales department, never the manager assessed', () => {
    const tasks = (events: AnyDomainEvent[]) => declaredTasks(developmentPlanWorkflow, planState(events), 'plan-1').map((t) => [t.taskType, t.key, t.holders]);
    expect(tasks(concluded())).toEqual([]);
    expect(tasks(opened())).toEqual([
      ['development-plan.assessment', 'cm-wang', { roles: ['sales_reviewer'], assignee: null, excluded: ['cm-wang'] }],
      ['development-plan.assessment', 'cm-zhao', { roles: ['sales_reviewer'], assignee: null, excluded: ['cm-zhao'] }],
    ]);
    expect(tasks(continued(opened(), [assess('cm-wang')])).map((t) => t[1])).toEqual(['cm-zhao']);
  });
});
