import { DomainRuleViolation, NotPermitted, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow } from '../src';
import { cmd, confirmMove, evaluate, GM, history, holdMove, MANAGER, openCommand, pickup, SALES, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const planned = { class: { salesObject: 'distributor' as const, salesForm: 'planned' as const } };
const FEB_1 = '2026-01-31T16:00:00.000Z';
const FEB_2 = '2026-02-02T02:00:00.000Z';
const MAR_1 = '2026-02-28T16:00:00.000Z';
const proposedJanuary = () => history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), evaluate('2026-01', FEB_1)]);

describe('R-TIER-4 与其他指标共同考核: the sales department confirms or holds the proposed move (ADR 0023)', () => {
  it('R-TIER-4: the proposal changes no grade and opens customer.confirm-grade for the sales department', () => {
    const events = proposedJanuary();
    const { context } = stateOf(events);
    expect({ grade: context.grade, pending: context.pendingGradeMove?.proposedGrade, last: context.lastEvaluatedMonth }).toEqual({ grade: 'ordinary', pending: 'one_star', last: '2026-01' });
    const tasks = customerWorkflow.tasks?.filter((t) => t.openWhen?.({ state: 'open.active', context, done: false, revision: 0 } as never)).map((t) => t.type);
    expect(tasks).toEqual(['customer.confirm-grade']);
  });

  it('R-TIER-4: confirming applies exactly the proposed step, with the indicator and reason on the event', () => {
    given(proposedJanuary()).when(confirmMove('2026-01', FEB_2, 'cooperation', '配合度高，按计划提货')).then([
      {
        type: 'CustomerGradeChanged',
        data: {
          month: '2026-01', tonnage: 1200, band: 'one_star', previousGrade: 'ordinary', newGrade: 'one_star', cause: 'reviewed_evaluation', ruleId: 'R-TIER-4', changedAt: FEB_2,
          review: { indicator: 'cooperation', reason: '配合度高，按计划提货', by: 'sales-wang' },
        },
      },
    ]);
  });

  it('R-TIER-4: holding keeps the grade, records the indicator and reason, and closes the task', () => {
    const decision = given(proposedJanuary()).when(holdMove('2026-01', FEB_2, 'payment_record', '两笔货款逾期')).then([
      { type: 'GradeMoveHeld', data: { month: '2026-01', currentGrade: 'ordinary', proposedGrade: 'one_star', review: { indicator: 'payment_record', reason: '两笔货款逾期', by: 'sales-wang' }, heldAt: FEB_2 } },
    ]);
    expect({ grade: decision.after.context.grade, pending: decision.after.context.pendingGradeMove }).toEqual({ grade: 'ordinary', pending: null });
  });

  it('R-TIER-4: the next month starts from the held grade: still one step at a time (R-TIER-2)', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 3400), pickup('p-2', '2026-02-10', 3400), evaluate('2026-01', FEB_1), holdMove('2026-01', FEB_2)]);
    given(events).when(evaluate('2026-02', MAR_1)).thenMatches([{ type: 'GradeMoveProposed', data: { month: '2026-02', currentGrade: 'ordinary', proposedGrade: 'one_star', band: 'three_star' } }]);
  });

  it('R-TIER-4: an indicator outside the configured list is refused with the field named', () => {
    given(proposedJanuary()).when(confirmMove('2026-01', FEB_2, 'weather', 'x')).thenThrows(DomainRuleViolation, /R-TIER-4.*payment_record, complaints, cooperation/);
    const custom = workflowSpec(customerWorkflow, { ...SERVICES, gradeIndicators: ['credit_limit'] });
    custom.given(proposedJanuary()).when(confirmMove('2026-01', FEB_2, 'credit_limit', '授信额度内')).thenMatches([{ type: 'CustomerGradeChanged' }]);
  });

  it('R-TIER-4: only the sales department decides, and only the month that waits', () => {
    given(proposedJanuary()).when(cmd('ConfirmGradeMove', { month: '2026-01', indicator: 'cooperation', reason: 'x' }, MANAGER, FEB_2)).thenThrows(NotPermitted, 'R-TIER-4');
    given(proposedJanuary()).when(cmd('HoldGradeMove', { month: '2026-01', indicator: 'cooperation', reason: 'x' }, GM, FEB_2)).thenThrows(NotPermitted, 'R-TIER-4');
    given(proposedJanuary()).when(confirmMove('2025-12', FEB_2)).thenThrows(DomainRuleViolation, 'R-TIER-4');
    const decided = history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), evaluate('2026-01', FEB_1), confirmMove('2026-01', FEB_2)]);
    given(decided).when(holdMove('2026-01', FEB_2)).thenThrows(DomainRuleViolation, 'R-TIER-4');
  });

  it('R-TIER-4: the machine refuses a confirmation other than the proposal, or without a review', () => {
    const events = proposedJanuary();
    const base = { month: '2026-01', tonnage: 1200, band: 'one_star', previousGrade: 'ordinary', cause: 'reviewed_evaluation', ruleId: 'R-TIER-4', changedAt: FEB_2 };
    const review = { indicator: 'cooperation', reason: 'x', by: 's' };
    expect(stateOf([...events, { type: 'CustomerGradeChanged', data: { ...base, newGrade: 'two_star', review } }]).context.grade).toBe('ordinary');
    expect(stateOf([...events, { type: 'CustomerGradeChanged', data: { ...base, newGrade: 'one_star' } }]).context.grade).toBe('ordinary');
    expect(stateOf([...events, { type: 'CustomerGradeChanged', data: { ...base, newGrade: 'one_star', review } }]).context.grade).toBe('one_star');
  });
});

describe('R-TIER-2 网拍客户 "新开发客户": entering the planned ladder (ADR 0023)', () => {
  const auction = () => history([openCommand(), pickup('p-1', '2026-01-20', 2500)]);

  it('R-TIER-2: an online-auction month at a star standard proposes ONE step, to ordinary (not two-star)', () => {
    given(auction()).when(evaluate('2026-01', FEB_1)).then([
      { type: 'GradeMoveProposed', data: { month: '2026-01', tonnage: 2500, band: 'two_star', currentGrade: 'online_auction', proposedGrade: 'ordinary', basis: 'monthly_evaluation', ruleId: 'R-TIER-2', policy: 'grading-review-2026-12', proposedAt: FEB_1 } },
    ]);
  });

  it('R-TIER-2: confirming makes it a planned customer (archive change to finance and plant offices) at ordinary', () => {
    const events = history([openCommand(), pickup('p-1', '2026-01-20', 2500), evaluate('2026-01', FEB_1)]);
    const decision = given(events).when(confirmMove('2026-01', FEB_2)).thenMatches([
      { type: 'CustomerInformationChanged', data: { changes: { class: { before: { salesObject: 'distributor', salesForm: 'online_auction' }, after: { salesObject: 'distributor', salesForm: 'planned' } } }, notify: ['finance', 'plant_offices'] } },
      { type: 'CustomerGradeChanged', data: { previousGrade: 'online_auction', newGrade: 'ordinary', cause: 'reviewed_evaluation', ruleId: 'R-TIER-2' } },
    ]);
    expect({ grade: decision.after.context.grade, form: decision.after.context.class?.salesForm }).toEqual({ grade: 'ordinary', form: 'planned' });
  });

  it('R-TIER-2: once planned it climbs the star bands month by month (the 2,500 t customer reaches two-star)', () => {
    const events = history([
      openCommand(), pickup('p-1', '2026-01-20', 2500), pickup('p-2', '2026-02-10', 2500), pickup('p-3', '2026-03-10', 2500),
      evaluate('2026-01', FEB_1), confirmMove('2026-01', FEB_2),
      evaluate('2026-02', MAR_1), confirmMove('2026-02', '2026-03-02T02:00:00.000Z'),
      evaluate('2026-03', '2026-03-31T16:00:00.000Z'), confirmMove('2026-03', '2026-04-02T02:00:00.000Z'),
    ]);
    expect(stateOf(events).context.grade).toBe('two_star');
  });

  it('R-TIER-2: a planned customer is never proposed back to online auction', () => {
    const events = history([openCommand(), pickup('p-1', '2026-01-20', 2500), evaluate('2026-01', FEB_1), confirmMove('2026-01', FEB_2)]);
    const voiding = cmd('VoidPickup', { pickupId: 'p-1', reason: '重复录入' }, MANAGER, '2026-02-03T02:00:00.000Z');
    given(events).when(voiding).thenMatches([{ type: 'PickupVoided' }, { type: 'MonthReevaluated', data: { reevaluatedGrade: 'online_auction' } }]);
  });

  it('R-TIER-2: a manual reclassification to planned still works as before (became_planned)', () => {
    const change = cmd('ChangeCustomerInformation', { changes: { class: { salesObject: 'distributor', salesForm: 'planned' } }, reason: '签订年度计划' }, SALES, FEB_2);
    given(auction()).when(change).thenMatches([{ type: 'CustomerInformationChanged' }, { type: 'CustomerGradeChanged', data: { cause: 'became_planned', newGrade: 'ordinary' } }]);
  });
});
