import { DomainRuleViolation, replayEvents, workflowSpec } from '@crm/workflow-kit';
import { customerWorkflow } from '../src';
import { cmd, confirmMove, evaluate, evaluated, history, MANAGER, openCommand, opened, pickup, plannedOpened, SALES, SERVICES, stateOf } from './customer.fixtures';

const { given } = workflowSpec(customerWorkflow, SERVICES);
const planned = { class: { salesObject: 'distributor' as const, salesForm: 'planned' as const } };
const FEB_1 = '2026-01-31T16:00:00.000Z';
const MAR_1 = '2026-02-28T16:00:00.000Z';
const APR_1 = '2026-03-31T16:00:00.000Z';
const POLICY = 'grading-review-2026-12';

/** Planned distributor with 1200 t in January (one-star band) and 2500 t in February. */
const withPickups = () =>
  history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), pickup('p-2', '2026-02-10', 2500)]);

describe('grading by monthly tonnage (R-TIER-2, R-TIER-3, R-TIER-4)', () => {
  it('R-TIER-4: a month in a higher band proposes a one-step move, with its evidence and policy', () => {
    given(withPickups()).when(evaluate('2026-01', FEB_1)).then([
      { type: 'GradeMoveProposed', data: { month: '2026-01', tonnage: 1200, band: 'one_star', currentGrade: 'ordinary', proposedGrade: 'one_star', basis: 'monthly_evaluation', ruleId: 'R-TIER-4', policy: POLICY, proposedAt: FEB_1 } },
    ]);
  });

  it('R-TIER-4: 3400 t in one month from ordinary still moves only one step (依次升降)', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 3400)]);
    given(events).when(evaluate('2026-01', FEB_1)).thenMatches([{ type: 'GradeMoveProposed', data: { band: 'three_star', currentGrade: 'ordinary', proposedGrade: 'one_star' } }]);
  });

  it('R-TIER-2: band boundaries: 999.999 t is ordinary, 1000 t is one-star', () => {
    given(history([openCommand(planned), pickup('p-1', '2026-01-20', 999.999)])).when(evaluate('2026-01', FEB_1))
      .thenMatches([{ type: 'MonthEvaluated', data: { tonnage: 999.999, band: 'ordinary', grade: 'ordinary', unchanged: true, policy: POLICY } }]);
    given(history([openCommand(planned), pickup('p-1', '2026-01-20', 600), pickup('p-2', '2026-01-21', 400)])).when(evaluate('2026-01', FEB_1))
      .thenMatches([{ type: 'GradeMoveProposed', data: { tonnage: 1000, band: 'one_star' } }]);
  });

  it('R-TIER-4: a month without pickups moves a starred customer one step down', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1500), ...evaluated('2026-01', FEB_1)]);
    given(events).when(evaluate('2026-02', MAR_1)).thenMatches([{ type: 'GradeMoveProposed', data: { month: '2026-02', tonnage: 0, band: 'ordinary', currentGrade: 'one_star', proposedGrade: 'ordinary' } }]);
  });

  it('R-TIER-4: missed months are evaluated in order, each from the grade the last one left; an undecided proposal lapses', () => {
    given(withPickups()).when(evaluate('2026-03', APR_1)).thenMatches([
      { type: 'GradeMoveProposed', data: { month: '2026-01', proposedGrade: 'one_star' } },
      { type: 'GradeMoveLapsed', data: { month: '2026-01', proposedGrade: 'one_star', supersededBy: '2026-02' } },
      { type: 'GradeMoveProposed', data: { month: '2026-02', currentGrade: 'ordinary', proposedGrade: 'one_star' } },
      { type: 'GradeMoveLapsed', data: { month: '2026-02', supersededBy: '2026-03' } },
      { type: 'MonthEvaluated', data: { month: '2026-03', tonnage: 0, grade: 'ordinary' } },
    ]);
  });

  it('R-TIER-4: evaluating an already evaluated month again changes nothing (scheduler fired twice)', () => {
    given(history([...[openCommand(planned)], evaluate('2026-01', FEB_1)])).when(evaluate('2026-01', FEB_1)).then([]);
  });

  it('R-TIER-2: a month that is not over cannot be evaluated', () => {
    given(withPickups()).when(evaluate('2026-02', '2026-02-27T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-2');
  });

  it('R-TIER-4: the evaluation timer is chained month after month', () => {
    given(plannedOpened()).when(evaluate('2026-01', FEB_1)).thenSchedules([{ key: 'month-evaluation:2026-02', dueAt: MAR_1, command: { type: 'EvaluateMonth', data: { month: '2026-02' } } }]);
  });

  it('R-TIER-2: an online-auction month below the first star standard leaves the customer online-auction', () => {
    const events = history([openCommand(), pickup('p-1', '2026-01-20', 999)]);
    given(events).when(evaluate('2026-01', FEB_1)).thenMatches([{ type: 'MonthEvaluated', data: { band: 'ordinary', grade: 'online_auction', ruleId: 'R-TIER-2', policy: POLICY } }]);
  });

  it('R-TIER-3: direct customers stay at the ordinary level whatever their tonnage', () => {
    const events = history([openCommand({ class: { salesObject: 'direct', salesForm: 'planned' } }), pickup('p-1', '2026-01-20', 2500)]);
    given(events).when(evaluate('2026-01', FEB_1)).thenMatches([{ type: 'MonthEvaluated', data: { grade: 'ordinary', ruleId: 'R-TIER-3' } }]);
  });

  it('R-TIER-3: a starred distributor that becomes a direct customer is managed as ordinary', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1500), ...evaluated('2026-01', FEB_1)]);
    const change = cmd('ChangeCustomerInformation', { changes: { class: { salesObject: 'direct', salesForm: 'planned' } }, reason: '转为终端用户' }, SALES, '2026-02-02T00:00:00.000Z');
    given(events).when(change).thenMatches([
      { type: 'CustomerInformationChanged' },
      { type: 'CustomerGradeChanged', data: { previousGrade: 'one_star', newGrade: 'ordinary', cause: 'direct_customer', ruleId: 'R-TIER-3' } },
    ]);
  });

  it('R-TIER-4: the machine refuses a grade change that jumps two steps', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 3400)]);
    const forged = { type: 'CustomerGradeChanged', data: { month: '2026-01', tonnage: 3400, band: 'three_star', previousGrade: 'ordinary', newGrade: 'two_star', cause: 'monthly_evaluation', ruleId: 'R-TIER-4', changedAt: FEB_1 } };
    expect(stateOf([...events, forged]).context.grade).toBe('ordinary');
    const proposal = { type: 'GradeMoveProposed', data: { month: '2026-01', tonnage: 3400, band: 'three_star', currentGrade: 'ordinary', proposedGrade: 'two_star', basis: 'monthly_evaluation', ruleId: 'R-TIER-4', policy: POLICY, proposedAt: FEB_1 } };
    expect(stateOf([...events, proposal]).context.pendingGradeMove).toBeNull();
  });
});

describe('pickups and late corrections (R-TIER-2, R-TIER-4)', () => {
  it('R-TIER-2: a pickup is recorded and counted in its month', () => {
    const events = withPickups();
    expect(events.map((e) => e.type)).toEqual(['CustomerArchiveOpened', 'PickupRecorded', 'PickupRecorded']);
    expect(stateOf(events).context.monthKg).toEqual({ '2026-01': 1_200_000, '2026-02': 2_500_000 });
  });

  it('R-TIER-2: a pickup dated in the future or a non-positive or absurd tonnage is refused', () => {
    given(opened()).when(pickup('p-9', '2026-01-20', 10, '2026-01-19T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-2');
    given(opened()).when(pickup('p-9', '2026-01-20', 0)).thenThrows(DomainRuleViolation, 'SCHEMA');
    given(opened()).when(pickup('p-9', '2026-01-20', 50_000)).thenThrows(DomainRuleViolation, 'SCHEMA');
  });

  it('R-TIER-2: re-importing the same pickup is a no-op; the same id with other data is refused', () => {
    given(withPickups()).when(pickup('p-1', '2026-01-20', 1200)).then([]);
    given(withPickups()).when(pickup('p-1', '2026-01-20', 1300)).thenThrows(DomainRuleViolation, 'R-TIER-2');
  });

  it('R-TIER-2: a correction records the effective date (the pickup date) and the recording time', () => {
    const correct = cmd('CorrectPickup', { pickupId: 'p-2', tonnes: 2400, reason: '磅单更正' }, MANAGER, '2026-02-20T01:00:00.000Z');
    given(withPickups()).when(correct).then([
      { type: 'PickupCorrected', data: { pickupId: 'p-2', previousTonnes: 2500, tonnes: 2400, reason: '磅单更正', effectiveDate: '2026-02-10', recordedAt: '2026-02-20T01:00:00.000Z', correctedBy: 'mgr-li' } },
    ]);
  });

  it('R-TIER-4: a late correction to the latest confirmed month re-runs it, records the difference and proposes the corrected grade', () => {
    const events = history([...[openCommand(planned)], pickup('p-1', '2026-01-20', 1200), ...evaluated('2026-01', FEB_1)]);
    const correct = cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 900, reason: '退货' }, MANAGER, '2026-02-05T01:00:00.000Z');
    const decision = given(events).when(correct).thenMatches([
      { type: 'PickupCorrected', data: { effectiveDate: '2026-01-20', recordedAt: '2026-02-05T01:00:00.000Z' } },
      { type: 'MonthReevaluated', data: { month: '2026-01', previousTonnage: 1200, tonnage: 900, previousBand: 'one_star', band: 'ordinary', awardedGrade: 'one_star', reevaluatedGrade: 'ordinary', latestMonth: true } },
      { type: 'GradeMoveProposed', data: { month: '2026-01', currentGrade: 'one_star', proposedGrade: 'ordinary', basis: 'reevaluation' } },
    ]);
    const confirmed = given([...events, ...decision.events]).when(confirmMove('2026-01', '2026-02-05T02:00:00.000Z')).thenMatches([
      { type: 'CustomerGradeChanged', data: { month: '2026-01', previousGrade: 'one_star', newGrade: 'ordinary', cause: 'reviewed_evaluation' } },
    ]);
    expect(confirmed.after.context.evaluations['2026-01']).toEqual({ tonnageKg: 900_000, gradeBefore: 'ordinary', gradeAfter: 'ordinary' });
  });

  it('R-TIER-4: a correction that no longer supports a pending proposal lets it lapse', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), evaluate('2026-01', FEB_1)]);
    const correct = cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 900, reason: '退货' }, MANAGER, '2026-02-05T01:00:00.000Z');
    const decision = given(events).when(correct).thenMatches([{ type: 'PickupCorrected' }, { type: 'MonthReevaluated' }, { type: 'GradeMoveLapsed', data: { month: '2026-01', proposedGrade: 'one_star' } }]);
    expect(decision.after.context.pendingGradeMove).toBeNull();
  });

  it('R-TIER-4: a correction to an older month is recorded but does not rewrite later grades', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), pickup('p-2', '2026-02-10', 2500), ...evaluated('2026-01', FEB_1), ...evaluated('2026-02', MAR_1)]);
    const voiding = cmd('VoidPickup', { pickupId: 'p-1', reason: '重复录入' }, MANAGER, '2026-03-05T01:00:00.000Z');
    const decision = given(events).when(voiding).thenMatches([
      { type: 'PickupVoided', data: { pickupId: 'p-1', tonnes: 1200, effectiveDate: '2026-01-20' } },
      { type: 'MonthReevaluated', data: { month: '2026-01', previousTonnage: 1200, tonnage: 0, awardedGrade: 'one_star', reevaluatedGrade: 'ordinary', latestMonth: false } },
    ]);
    expect(decision.after.context.grade).toBe('two_star');
  });

  it('R-TIER-4: voiding the pickup behind the latest month\'s two-star award proposes ONE step back, never two', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), pickup('p-2', '2026-02-10', 2500), ...evaluated('2026-01', FEB_1), ...evaluated('2026-02', MAR_1)]);
    expect(stateOf(events).context.grade).toBe('two_star');
    const voiding = cmd('VoidPickup', { pickupId: 'p-2', reason: '重复录入' }, MANAGER, '2026-03-05T01:00:00.000Z');
    const decision = given(events).when(voiding).thenMatches([
      { type: 'PickupVoided', data: { pickupId: 'p-2' } },
      { type: 'MonthReevaluated', data: { month: '2026-02', awardedGrade: 'two_star', reevaluatedGrade: 'ordinary', latestMonth: true } },
      { type: 'GradeMoveProposed', data: { month: '2026-02', currentGrade: 'two_star', proposedGrade: 'one_star', basis: 'reevaluation', ruleId: 'R-TIER-4' } },
    ]);
    expect(decision.after.context.grade).toBe('two_star');
  });

  it('R-TIER-4: the machine refuses a re-evaluation proposal of two steps, and any direct tonnage change under the review policy', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), pickup('p-2', '2026-02-10', 2500), ...evaluated('2026-01', FEB_1), ...evaluated('2026-02', MAR_1)]);
    const voiding = cmd('VoidPickup', { pickupId: 'p-2', reason: '重复录入' }, MANAGER, '2026-03-05T01:00:00.000Z');
    const [voided, reevaluated, proposal] = given(events).when(voiding).thenMatches([{ type: 'PickupVoided' }, { type: 'MonthReevaluated' }, { type: 'GradeMoveProposed' }]).events;
    const snapshot = replayEvents(customerWorkflow, [...events, voided, reevaluated]);
    const jump = { ...proposal, data: { ...(proposal.data as object), proposedGrade: 'ordinary' } };
    expect(snapshot.can(jump as never)).toBe(false);
    expect(snapshot.can(proposal as never)).toBe(true);
    const direct = { type: 'CustomerGradeChanged', data: { month: '2026-02', tonnage: 0, band: 'ordinary', previousGrade: 'two_star', newGrade: 'one_star', cause: 'reevaluation', ruleId: 'R-TIER-4', changedAt: '2026-03-05T01:00:00.000Z' } };
    expect(snapshot.can(direct as never)).toBe(false);
  });

  it('R-TIER-2: a voided pickup cannot be corrected or voided again', () => {
    const events = history([openCommand(planned), pickup('p-1', '2026-01-20', 1200), cmd('VoidPickup', { pickupId: 'p-1', reason: 'x' }, MANAGER, '2026-01-21T00:00:00.000Z')]);
    given(events).when(cmd('CorrectPickup', { pickupId: 'p-1', tonnes: 5, reason: 'y' }, MANAGER, '2026-01-22T00:00:00.000Z')).thenThrows(DomainRuleViolation, 'R-TIER-2');
    expect(stateOf(events).context.monthKg['2026-01']).toBe(0);
  });
});
