import { assertMachineGraph, tasksOnGraph, DomainRuleViolation, NotPermitted, TransitionNotAllowed, workflowSpec } from '@crm/workflow-kit';
import { allocationMachine, allocationScore, allocationWorkflow, approvedKgOf, INITIAL_ALLOCATION_CONTEXT, type AllocationContext } from '../src';
import { replayEvents, toWorkflowState } from '@crm/workflow-kit';
import { allocationCmd, allocationHistory, demand, GM, SALES } from './key-account.fixtures';

const propose = (availableKg = 1000) =>
  allocationCmd('ProposeAllocation', {
    month: '2026-08', productLine: 'polyolefin', availableKg, note: null,
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
    spec.given(second).when(propose()).thenThrows(TransitionNotAllowed);
    spec.given(approved).when(propose()).thenMatches([{ type: 'AllocationProposed', data: { round: 2 } }]);
  });

  const contextOf = (events: ReturnType<typeof allocationHistory>) => toWorkflowState(replayEvents(allocationWorkflow, events), events.length - 1).context as AllocationContext;

  it('R-ALLOC-2: an approved month is amended by the next round; the approved allocation stays in force until the amendment is approved', () => {
    const approved = allocationHistory([propose(900), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM)]);
    expect(approvedKgOf(contextOf(approved), 'a-low')).toBe(200);
    expect(approvedKgOf(contextOf(approved), 'nobody')).toBe(0);
    const amending = allocationHistory([propose(900), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM), propose(1200)]);
    expect(approvedKgOf(contextOf(amending), 'a-low')).toBe(200);
    const amended = allocationHistory([propose(900), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM), propose(1200), allocationCmd('ApproveAllocation', { round: 2, comment: null }, GM)]);
    expect(approvedKgOf(contextOf(amended), 'a-low')).toBe(300);
    expect(approvedKgOf(contextOf(allocationHistory([propose(900)])), 'a-low')).toBeNull();
    const otherLine = { ...propose(), data: { ...propose().data, productLine: 'other_chemicals' as const } };
    spec.given(approved).when(otherLine).thenThrows(DomainRuleViolation, 'this allocation is polyolefin');
  });

  it('R-ALLOC-2: the sales department adjusts a line by hand with a reason, within the demand and the volume; the GM approves the adjusted lines', () => {
    const proposed = allocationHistory([propose(900)]);
    const adjust = (customerId: string, allocatedKg: number, actor = SALES) => allocationCmd('AdjustAllocation', { round: 1, customerId, allocatedKg, reason: '客户临时检修' }, actor);
    spec.given(proposed).when(adjust('a-high', 100)).then([
      { type: 'AllocationAdjusted', data: { month: '2026-08', round: 1, customerId: 'a-high', previousKg: 300, allocatedKg: 100, reason: '客户临时检修', adjustedBy: SALES.id, adjustedAt: proposed[0].data.proposedAt } },
    ]);
    spec.given(proposed).when(adjust('a-high', 301)).thenThrows(DomainRuleViolation, 'asked for');
    spec.given(proposed).when(adjust('x1', 1)).thenThrows(DomainRuleViolation, 'R-ALLOC-1');
    spec.given(proposed).when(adjust('a-high', 100, GM)).thenThrows(NotPermitted, 'sales department');
    spec.given(proposed).when(adjust('nobody', 1)).thenThrows(DomainRuleViolation, 'no line');
    const adjusted = allocationHistory([propose(900), adjust('a-high', 100), adjust('x1', 200), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM)]);
    expect(approvedKgOf(contextOf(adjusted), 'a-high')).toBe(100);
    expect(approvedKgOf(contextOf(adjusted), 'x1')).toBe(200);
    const initial = allocationMachine.resolveState({ value: 'draft', context: contextOf(proposed) });
    const forged = { type: 'AllocationAdjusted', data: { month: '2026-08', round: 1, customerId: 'x1', previousKg: 0, allocatedKg: 200, reason: 'x', adjustedBy: 's', adjustedAt: proposed[0].data.proposedAt } };
    expect(initial.can(forged as never)).toBe(false);
  });

  it('R-ALLOC-3: an agent with good cooperation (配合度) ranks above one with the same completion and poor cooperation', () => {
    const good = { ...demand('a-good', 'exclusive_agent', 300, 0.9), cooperation: 1 };
    const poor = { ...demand('a-poor', 'exclusive_agent', 300, 0.9), cooperation: 0.2 };
    expect(allocationScore(good)).toBeCloseTo(0.95, 9);
    expect(allocationScore(demand('a-none', 'exclusive_agent', 300, 0.9))).toBeCloseTo(0.9, 9);
    const cmd = allocationCmd('ProposeAllocation', { month: '2026-08', productLine: 'polyolefin', availableKg: 300, note: null, demands: [poor, good] }, SALES);
    spec.given([]).when(cmd).thenMatches([{ type: 'AllocationProposed', data: { lines: [{ customerId: 'a-good', rank: 1, allocatedKg: 300 }, { customerId: 'a-poor', rank: 2, allocatedKg: 0 }] } }]);
  });

  it('R-ALLOC-2: two demands of one customer are refused naming the field', () => {
    const dup = allocationCmd('ProposeAllocation', { month: '2026-08', productLine: 'polyolefin', availableKg: 10, note: null, demands: [demand('d1', 'direct', 1), demand('d1', 'distributor', 1)] }, SALES);
    spec.given([]).when(dup).thenThrows(DomainRuleViolation, 'more than one demand');
  });

  it('R-ALLOC-1: the machine refuses a proposal that gives a distributor volume while an agent is short, or exceeds what is available', () => {
    const [event] = allocationHistory([propose(900)]);
    const initial = allocationMachine.resolveState({ value: 'none', context: INITIAL_ALLOCATION_CONTEXT });
    expect(initial.can(event as never)).toBe(true);
    const lines = event.data.lines.map((l: { customerId: string }) => (l.customerId === 'x1' ? { ...l, allocatedKg: 100 } : l.customerId === 'a-low' ? { ...l, allocatedKg: 100 } : l));
    expect(initial.can({ ...event, data: { ...event.data, lines } } as never)).toBe(false);
    expect(initial.can({ ...event, data: { ...event.data, availableKg: 800 } } as never)).toBe(false);
  });
});

describe('resource-allocation machine graph', () => {
  const events = [
    ...allocationHistory([propose(), allocationCmd('ReturnAllocation', { round: 1, reason: '重算' }, GM), propose(), allocationCmd('ApproveAllocation', { round: 2, comment: null }, GM)]),
    ...allocationHistory([propose(), allocationCmd('ApproveAllocation', { round: 1, comment: null }, GM), propose()]),
    ...allocationHistory([propose(), allocationCmd('AdjustAllocation', { round: 1, customerId: 'a-low', allocatedKg: 100, reason: '调整' }, SALES)]),
  ];
  const report = assertMachineGraph(allocationMachine, { events, serializeState: (s) => JSON.stringify([s.value, s.context]), limit: 5000 });
  it('R-ALLOC-2: draft → approved / returned → draft; an approved month may be amended (no final state)', () => {
    expect(report.unreachable).toEqual([]);
    expect(report.finalStates).toEqual([]);
  });
  it('issue 15 (R-ALLOC-2): a draft waits on the general manager, a returned proposal on the sales department', () => {
    expect(tasksOnGraph(allocationWorkflow, { events, serializeState: (s) => JSON.stringify([s.value, s.context]), limit: 5000 })).toEqual({ approved: [''], draft: ['resource-allocation.approve'], none: [''], returned: ['resource-allocation.propose-again'] });
  });
});
