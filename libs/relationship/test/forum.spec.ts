import { DomainRuleViolation, initialSnapshot, NotPermitted, replayEvents, stateName, TransitionNotAllowed, workflowSpec, type Actor } from '@crm/workflow-kit';
import { forumWorkflow, forumYears, type ForumCommand } from '../src';
import { cmd, FINANCE, GM, later, MANAGER, NOW, run, SALES, SUPERVISOR } from './relationship.fixtures';

const { given } = workflowSpec(forumWorkflow);
/** 10:00 on 21 March 2026 in Beijing, the day after the forum */
const AFTER = '2026-03-21T02:00:00.000Z';
const plan = {
  forumId: 'f-2026-1', title: '2026年春季客户座谈会', plannedOn: '2026-03-20', venue: '公司三楼会议室',
  invitees: [{ name: '张三', organisation: '宁波塑料厂', customerId: 'cust-1' }], agenda: ['市场行情', '产品质量', '服务质量'], budgetYuan: 8000,
};
const minutes = {
  forumId: 'f-2026-1', heldOn: '2026-03-20', attendees: [{ name: '张三', organisation: '宁波塑料厂', customerId: 'cust-1' }],
  topics: ['市场行情', '产品质量'], minutes: '客户反映提货排队时间长；建议增加周末提货。', attachments: [],
  followUps: [{ action: '研究周末提货安排', department: 'logistics' }],
};
const submit = (actor: Actor = SALES, data = plan) => cmd<ForumCommand>('SubmitForumPlan', data, actor);
const approve = (actor: Actor = SUPERVISOR) => cmd<ForumCommand>('ApproveForumPlan', { comment: '同意' }, actor, later(1));
const file = (data: ForumCommand['data'] = minutes, actor: Actor = SALES, now = AFTER) => cmd<ForumCommand>('FileForumMinutes', data, actor, now);
const submitted = () => run(forumWorkflow, [submit()]);
const approved = () => run(forumWorkflow, [approve()], undefined, submitted());

describe('R-FORUM-1 customer forums (客户座谈会): preparation plan, approval, minutes', () => {
  it('R-FORUM-1: the sales department submits the preparation plan (date, invitees, agenda, budget) to the responsible leader', () => {
    given([]).when(submit()).then([
      {
        type: 'ForumPlanSubmitted',
        data: { ...plan, planNo: 1, year: 2026, notify: ['supervisor', 'general_manager'], by: 'sales', role: 'sales_reviewer', at: NOW },
      },
    ]);
  });

  it('R-FORUM-1: a plan by a customer manager, or for a date already past, is refused', () => {
    given([]).when(submit(MANAGER)).thenThrows(NotPermitted, 'R-FORUM-1');
    given([]).when(submit(SALES, { ...plan, plannedOn: '2026-03-01' })).thenThrows(DomainRuleViolation, /R-FORUM-1.*plannedOn 2026-03-01 has passed/);
  });

  it('R-FORUM-1: the responsible leader approves the plan; the sales department may not, nor finance', () => {
    const decision = given(submitted()).when(approve()).then([{ type: 'ForumPlanApproved', data: { planNo: 1, comment: '同意', by: 'supervisor', role: 'supervisor', at: later(1) } }]);
    expect(stateName(decision.after.value)).toBe('planApproved');
    given(submitted()).when(approve(GM)).thenMatches([{ type: 'ForumPlanApproved', data: { role: 'general_manager' } }]);
    given(submitted()).when(approve(SALES)).thenThrows(NotPermitted, 'R-FORUM-1');
    given(submitted()).when(approve(FINANCE)).thenThrows(NotPermitted, 'R-FORUM-1');
  });

  it('FORUM-SELF: who submitted the plan does not approve it, even holding a leader\'s role', () => {
    const both: Actor = { id: 'dual', roles: ['sales_reviewer', 'supervisor'] };
    given(run(forumWorkflow, [submit(both)])).when(approve(both)).thenThrows(NotPermitted, 'FORUM-SELF');
  });

  it('R-FORUM-1: a returned plan is revised and submitted again as plan 2', () => {
    const returned = run(forumWorkflow, [cmd<ForumCommand>('ReturnForumPlan', { reason: '预算偏高' }, SUPERVISOR, later(1))], undefined, submitted());
    const { forumId: _, ...fields } = plan;
    given(returned).when(cmd<ForumCommand>('ReviseForumPlan', { ...fields, budgetYuan: 5000 }, SALES, later(2))).thenMatches([
      { type: 'ForumPlanSubmitted', data: { forumId: 'f-2026-1', planNo: 2, budgetYuan: 5000 } },
    ]);
    given(returned).when(file()).thenThrows(DomainRuleViolation, /no approved preparation plan/);
  });

  it('R-FORUM-1: minutes before the plan is approved, or without a plan at all, are refused naming forumId', () => {
    given([]).when(file()).thenThrows(DomainRuleViolation, /R-FORUM-1.*no approved preparation plan/);
    given(submitted()).when(file()).thenThrows(DomainRuleViolation, /no approved preparation plan/);
  });

  it('R-FORUM-1: minutes of the forum held under the approved plan are filed with its plan, title and follow-ups; departments are notified', () => {
    const decision = given(approved()).when(file()).then([
      {
        type: 'ForumMinutesFiled',
        data: { ...minutes, year: 2026, title: plan.title, planNo: 1, notify: ['logistics'], by: 'sales', role: 'sales_reviewer', at: AFTER },
      },
    ]);
    expect(stateName(decision.after.value)).toBe('filed');
  });

  it('R-FORUM-1: minutes of a forum not yet held, held before the approval, filed by finance or filed twice are refused', () => {
    given(approved()).when(file(minutes, SALES, later(2))).thenThrows(DomainRuleViolation, /heldOn 2026-03-20 is after the day/);
    given(approved()).when(file({ ...minutes, heldOn: '2026-03-01' })).thenThrows(DomainRuleViolation, /before the plan was approved/);
    given(approved()).when(file(minutes, FINANCE)).thenThrows(NotPermitted, 'R-FORUM-1');
    given(run(forumWorkflow, [file()], undefined, approved())).when(file()).thenThrows(TransitionNotAllowed);
  });

  it('R-FORUM-1 upcast (ADR 0005, ADR 0025): minutes filed before plans were kept (schema v1) replay to filed, with no plan', () => {
    const upcast = forumWorkflow.upcast;
    if (!upcast) throw new Error('the forum workflow upcasts its v1 minutes');
    const v1 = upcast({
      type: 'ForumMinutesFiled', schemaVersion: 1,
      data: { forumId: 'f-old', heldOn: '2025-11-02', year: 2025, title: '2025年客户座谈会', attendees: [{ name: 'a', organisation: 'b' }], topics: [], minutes: 'm', by: 'sales', role: 'sales_reviewer', at: '2025-11-03T02:00:00.000Z' },
    });
    expect(v1.data).toMatchObject({ planNo: null, followUps: [] });
    const snapshot = replayEvents(forumWorkflow, [v1]);
    expect(stateName(snapshot.value)).toBe('filed');
    expect(snapshot.context).toMatchObject({ forumId: 'f-old', planNo: 0 });
    // a new decision never writes a plan-less minute: that path is the v1 streams' only
    expect(initialSnapshot(forumWorkflow).can({ type: 'ForumMinutesFiled', data: { ...v1.data, planNo: 1 } } as never)).toBe(false);
  });

  it('R-FORUM-1: years without a forum, as of a date: past years missed, the running year still due', () => {
    expect(forumYears(['2024-05-10', '2024-11-02', '2026-07-01'], 2023, '2026-03-02')).toEqual([
      { year: 2023, forums: 0, status: 'missed' },
      { year: 2024, forums: 2, status: 'held' },
      { year: 2025, forums: 0, status: 'missed' },
      { year: 2026, forums: 0, status: 'due' },
    ]);
    expect(forumYears(['2026-07-01'], 2026, '2026-07-01')).toEqual([{ year: 2026, forums: 1, status: 'held' }]);
  });
});
