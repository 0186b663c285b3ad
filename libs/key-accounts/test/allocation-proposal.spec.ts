import { assertMachineGraph, tasksOnGraph, DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { allocationMachine, allocationWorkflow } from '../src';
import { allocationCmd, allocationHistory, demand, GM, SALES } from './key-account.fixtures';

const propose = (availableKg = 1000) =>
  allocationCmd('ProposeAllocation', {
    month: '2026-08', availableKg, note: null,
    demands: [demand('d1', 'direct', 400), demand('a-low', 'exclusive_agent', 300, 0.6), demand('a-high', 'exclusive_agent', 300, 0.98), demand('x1', 'distributor', 200, 1, 1)],
  }, SALES);
const spec = workflowSpec(allocationWorkflow);

describe('resource-allocation proposal (R-ALLOC-1..3)', () => {
  it('R-ALLOC-1/3: the proposal records its inputs and allocates by class, then by completion, under shortage', () => {
    spec.given([]).when(propose(900)).thenMatches([
      {
        type: 'AllocationProposed',
        data: {
          month: '2026-08', round: 1, availableKg: 900, demandKg: 1200, allocatedKg: 900, shortfallKg: 300, classesServed: ['direct', 'exclusive_agent'],
          lines: [
            { customerId: 'd1', allocatedKg: 400 }, { customerId: 'a-high', allocatedKg: 300, rank: 1 }, { customerId: 'a-low', allocatedKg: 200, rank: 2 },
            { customerId: 'x1', allocatedKg: 0 },
          ],
          notify: ['general_manager'],
        },
      },
    ]);
  });

  it('R-ALLOC-2: only the general manager approves or returns; only the sales department proposes', () => {
    const proposed = allocationHistory([propose()]);
    spec.given(proposed).when(allocationCmd('ApproveAllocation', { round: 1, comment: null }, SALES)).thenThrows(NotPermitted, 'general manager');
    spec.given([]).when(propose()).thenMatches([{ type: 'AllocationProposed' }]);
    spec.given([]).when({ ...propose(), meta: { ...propose().meta, actor: GM } }).thenThrows(NotPermitted, 'sales department');
    spec.given(proposed).when(allocationCmd('ApproveAllocation', { round: 1, comment: '同意' }, GM)).then([
      { type: 'AllocationApproved', data: { month: '2026-08', round: 1, comment: '同意', approvedBy: GM.id, approvedAt: proposed[0].data.proposedAt } },
    ]);
  });

  it('R-ALLOC-2: a returned proposal is proposed again as the next round; a stale round or an approved month is refused', () => {
    const returned = allocationHistory([propose(), allocationCmd('ReturnAllocation', { round: 1, reason: '重算' }, GM)]);
    spec.given(returned).when(propose(1200)).thenMatches([{ type: 'AllocationProposed', data: { round: 2, shortfallKg: 0 } }]);
    const second = allocationHistory([propose(), allocationCmd('ReturnAllocation', { round: 1, reason: '重算' }, GM), propose(1200)]);
    spec.given(second).when(allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM)).thenThrows(DomainRuleViolation, 'round');
    const approved = allocationHistory([propose(), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM)]);
    spec.given(approved).when(propose()).thenThrows(TransitionNotAllowed);
  });

  it('R-ALLOC-2: two demands of one customer are refused naming the field', () => {
    const dup = allocationCmd('ProposeAllocation', { month: '2026-08', availableKg: 10, note: null, demands: [demand('d1', 'direct', 1), demand('d1', 'distributor', 1)] }, SALES);
    spec.given([]).when(dup).thenThrows(DomainRuleViolation, 'more than one demand');
  });

  it('R-ALLOC-1: the machine refuses a proposal that gives a distributor volume while an agent is short, or exceeds what is available', () => {
    const [event] = allocationHistory([propose(900)]);
    const initial = allocationMachine.resolveState({ value: 'none', context: { month: null, round: 0 } });
    expect(initial.can(event as never)).toBe(true);
    const lines = event.data.lines.map((l: { customerId: string }) => (l.customerId === 'x1' ? { ...l, allocatedKg: 100 } : l.customerId === 'a-low' ? { ...l, allocatedKg: 100 } : l));
    expect(initial.can({ ...event, data: { ...event.data, lines } } as never)).toBe(false);
    expect(initial.can({ ...event, data: { ...event.data, availableKg: 800 } } as never)).toBe(false);
  });
});

describe('resource-allocation machine graph', () => {
  const events = [
    ...allocationHistory([propose(), allocationCmd('ReturnAllocation', { round: 1, reason: '重算' }, GM), propose(), allocationCmd('ApproveAllocation', { round: 2, comment: null }, GM)]),
    ...allocationHistory([propose(), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM)]),
  ];
  const report = assertMachineGraph(allocationMachine, { events, serializeState: (s) => JSON.stringify([s.value, s.context]), limit: 5000 });
  it('R-ALLOC-2: draft → approved / returned → draft, approval final', () => {
    expect(report.unreachable).toEqual([]);
    expect(report.finalStates).toEqual(['approved']);
    expect(report.pathsToFinal.approved).toEqual(['AllocationProposed', 'AllocationApproved']);
  });
  it('issue 15 (R-ALLOC-2): a draft waits on the general manager, a returned proposal on the sales department', () => {
    expect(tasksOnGraph(allocationWorkflow, { events, serializeState: (s) => JSON.stringify([s.value, s.context]), limit: 5000 })).toEqual({ approved: [''], draft: ['resource-allocation.approve'], none: [''], returned: ['resource-allocation.propose-again'] });
  });
});
