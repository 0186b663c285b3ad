import { assertMachineGraph, replayEvents, tasksOnGraph, workflowSpec } from '@crm/workflow-kit';
import { keyAccountMachine, keyAccountWorkflow } from '../src';
import { evaluate, keyAccountHistory, series } from './key-account.fixtures';

const steady = (month: string) => series(month, Array(15).fill(1_200_000));
// 15 months: a year ago 1200 t a month, the last three at 500 t
const declining = (month: string) => series(month, [...Array(12).fill(1_200_000), 500_000, 500_000, 500_000]);
const spec = workflowSpec(keyAccountWorkflow);

describe('key-account decider (R-KAM-3, R-KAM-4)', () => {
  it('R-KAM-3: a declining class-A account is warned, with both comparisons and its evidence, to supervisors and its manager', () => {
    spec.given([]).when(evaluate({ month: '2026-06', kgByMonth: declining('2026-06') })).thenMatches([
      {
        type: 'KeyAccountWarningRaised',
        data: {
          customerId: 'cust-1', month: '2026-06', reasons: ['below_prior_quarter', 'below_last_year'], notify: ['supervisor', 'customer_manager'],
          evidence: { trailingKg: 1_500_000, priorKg: 3_600_000, lastYearKg: 3_600_000 }, policy: { version: 1 },
        },
      },
    ]);
  });

  it('R-KAM-3: evaluating the same month again writes nothing (once per customer per month)', () => {
    const given = keyAccountHistory([evaluate({ month: '2026-06', kgByMonth: declining('2026-06') })]);
    spec.given(given).when(evaluate({ month: '2026-06', kgByMonth: declining('2026-06') })).then([]);
  });

  it('R-KAM-3: a class-B or C account is not warned', () => {
    spec.given([]).when(evaluate({ month: '2026-06', abcClass: 'B', kgByMonth: declining('2026-06') })).then([]);
  });

  it('R-KAM-3: no pickup for the policy weeks warns even at steady monthly volume', () => {
    spec.given([]).when(evaluate({ month: '2026-06', kgByMonth: series('2026-06', Array(12).fill(1_000)), lastPickupDate: '2026-05-10' })).thenMatches([
      { type: 'KeyAccountWarningRaised', data: { reasons: ['no_pickup'], evidence: { daysSincePickup: 51 } } },
    ]);
  });

  it('R-KAM-3: the next month still declining is warned again; recovery clears the open warning', () => {
    const given = keyAccountHistory([evaluate({ month: '2026-06', kgByMonth: declining('2026-06') })]);
    spec.given(given).when(evaluate({ month: '2026-07', kgByMonth: declining('2026-07') })).thenMatches([{ type: 'KeyAccountWarningRaised', data: { month: '2026-07' } }]);
    spec.given(given).when(evaluate({ month: '2026-07', kgByMonth: steady('2026-07') })).thenMatches([
      { type: 'KeyAccountWarningCleared', data: { month: '2026-07', warningMonth: '2026-06' } },
      { type: 'LoyaltyLevelChanged', data: { previousLevel: null, newLevel: 'silver' } },
    ]);
  });

  it('R-KAM-4: sustained volume earns levels with the streak as evidence; a weak month drops to what is still sustained', () => {
    const sixAt2500 = series('2026-06', [...Array(9).fill(0), ...Array(6).fill(2_500_000)]);
    spec.given([]).when(evaluate({ month: '2026-06', kgByMonth: sixAt2500 })).thenMatches([
      { type: 'LoyaltyLevelChanged', data: { previousLevel: null, newLevel: 'gold', policyVersion: 1, evidence: Object.entries(sixAt2500).slice(9).map(([month, kg]) => ({ month, kg })) } },
    ]);
    const given = keyAccountHistory([evaluate({ month: '2026-06', kgByMonth: sixAt2500 })]);
    const weakJuly = { ...sixAt2500, '2026-07': 1_500_000 };
    spec.given(given).when(evaluate({ month: '2026-07', kgByMonth: weakJuly })).thenMatches([{ type: 'LoyaltyLevelChanged', data: { previousLevel: 'gold', newLevel: 'silver' } }]);
    spec.given(given).when(evaluate({ month: '2026-07', kgByMonth: { ...sixAt2500, '2026-07': 900_000 } })).thenMatches([{ type: 'LoyaltyLevelChanged', data: { previousLevel: 'gold', newLevel: null, evidence: [] } }]);
  });

  it('R-KAM-3: the machine refuses a second warning for the same month and a clearing of a warning never raised', () => {
    const raised = keyAccountHistory([evaluate({ month: '2026-06', kgByMonth: declining('2026-06') })]);
    const afterRaise = replayEvents(keyAccountWorkflow, raised);
    expect(afterRaise.can(raised[0] as never)).toBe(false);
    const cleared = { type: 'KeyAccountWarningCleared', data: { ...raised[0].data, warningMonth: '2026-06', clearedBy: 'x', clearedAt: raised[0].data.raisedAt } };
    expect(replayEvents(keyAccountWorkflow, []).can(cleared as never)).toBe(false);
    expect(afterRaise.can(cleared as never)).toBe(true);
    expect(afterRaise.can({ ...cleared, data: { ...cleared.data, warningMonth: '2026-05' } } as never)).toBe(false);
  });
});

describe('key-account machine graph', () => {
  const events = [
    ...keyAccountHistory([
      evaluate({ month: '2026-06', kgByMonth: declining('2026-06') }),
      evaluate({ month: '2026-07', kgByMonth: declining('2026-07') }),
      evaluate({ month: '2026-08', kgByMonth: steady('2026-08') }),
    ]),
    ...keyAccountHistory([evaluate({ month: '2026-06', kgByMonth: steady('2026-06') })]),
  ];
  const report = assertMachineGraph(keyAccountMachine, { events, serializeState: (s) => JSON.stringify([s.value, s.context]), limit: 5000 });

  it('R-KAM-3/4: every state is reachable with the decider\'s own events', () => {
    expect(report.unreachable).toEqual([]);
    // issue 15: a decline warning is a notice, cleared by the next evaluation: it waits on no one
    expect(tasksOnGraph(keyAccountWorkflow, { events, serializeState: (s) => JSON.stringify([s.value, s.context]), limit: 5000 })).toEqual({ none: [''], 'tracked.normal': [''], 'tracked.warned': [''] });
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual(keyAccountMachine.events.filter((t: string) => !t.startsWith('xstate.')).sort());
  });
});
