import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getStateNodes } from '@xstate/graph';
import { stateName, tasksOnGraph } from '@crm/workflow-kit';
import { customerMachine, customerWorkflow, type CustomerEvent } from '../src';
import { history, openCommand, cmd, SCHEDULER, MANAGER, SALES, GM } from './customer.fixtures';

/** One real instance of every lifecycle event, produced by the decider itself. */
function sampleEvents(): CustomerEvent[] {
  const suspendedThenReinstated = history([
    openCommand(),
    cmd('ExpireDocument', { documentId: 'doc-licence', validUntil: '2026-06-30' }, SCHEDULER, '2026-06-30T16:00:00.000Z'),
    cmd('RenewQualificationDocument', { documentId: 'doc-licence', number: 'n2', validFrom: '2026-07-01', validUntil: '2029-06-30' }, MANAGER, '2026-07-02T00:00:00.000Z'),
    cmd('ProposeDisqualification', { reason: 'under_investigation', evidence: ['立案通知书'] }, SALES, '2026-07-03T00:00:00.000Z'),
    cmd('ApproveDisqualification', {}, GM, '2026-07-04T00:00:00.000Z'),
  ]);
  // ADR 0023: a proposed grade move and a pending proof of renewal both wait on the sales department
  const reviewed = history([
    openCommand(),
    cmd('RecordPickup', { pickupId: 'p-1', date: '2026-01-20', product: 'HDPE', tonnes: 1200, warehouse: 'w' }, MANAGER, '2026-01-20T08:00:00.000Z'),
    cmd('EvaluateMonth', { month: '2026-01' }, SCHEDULER, '2026-02-01T00:00:00.000Z'),
    cmd('FileRenewalProof', { documentId: 'doc-licence', proofId: 'pr-1', description: '受理回执', expectedBy: '2026-07-20' }, MANAGER, '2026-06-20T00:00:00.000Z'),
  ]).slice(1);
  return [...suspendedThenReinstated, ...reviewed] as CustomerEvent[];
}

describe('customer machine graph', () => {
  // snapshots are told apart by value AND context (the default), so guarded paths are followed
  const paths = getShortestPaths(customerMachine, { events: sampleEvents() });
  const reached = new Set(paths.map((p) => stateName(p.state.value)));

  it('R-EVAL-1/R-EVAL-3: every state is reachable: none, active, suspended, disqualified', () => {
    expect([...reached].sort()).toEqual(['disqualified', 'none', 'open.active', 'open.suspended']);
    const leaves = getStateNodes(customerMachine.root).filter((node) => Object.keys(node.states).length === 0).map((node) => node.path.join('.'));
    expect(leaves.sort()).toEqual(['disqualified', 'none', 'open.active', 'open.suspended']);
  });

  it('R-EVAL-1: suspension is entered only through an expired qualification and left only through reinstatement (or disqualification)', () => {
    const toSuspended = paths.find((p) => stateName(p.state.value) === 'open.suspended');
    expect(toSuspended?.steps.map((s) => s.event.type)).toEqual(['xstate.init', 'CustomerArchiveOpened', 'QualificationExpired', 'CustomerSuspended']);
    const edges = adjacencyMapToArray(getAdjacencyMap(customerMachine, { events: sampleEvents() }));
    const leaving = edges.filter((e) => stateName(e.state.value) === 'open.suspended' && stateName(e.nextState.value) !== 'open.suspended');
    expect([...new Set(leaving.map((e) => `${e.event.type}->${stateName(e.nextState.value)}`))].sort()).toEqual(['CustomerDisqualified->disqualified', 'CustomerReinstated->open.active']);
  });

  it('R-EVAL-3: disqualified is final', () => {
    const final = paths.find((p) => stateName(p.state.value) === 'disqualified');
    expect(final?.state.status).toBe('done');
    expect(customerMachine.root.states.disqualified.type).toBe('final');
  });
});

describe('customer human tasks on the machine graph (issue 15)', () => {
  it('R-ARC-4/R-EVAL-1/R-EVAL-3/R-TIER-4: an expired document waits on its renewal, a proposed disqualification on the general manager, a proposed grade move and a proof of renewal on the sales department; nothing else waits on anyone', () => {
    // open.suspended with no renewal task: between a renewal and the reinstatement appended with it (never stored apart)
    const serializeState = (s: any) => JSON.stringify([
      s.value, Object.values(s.context.documents).map((d: any) => [d.expired, d.warnedFor]), s.context.pendingDisqualification !== null,
      s.context.pendingGradeMove !== null, Object.values(s.context.renewalProofs).map((p: any) => p.status), s.context.monthKg, s.context.lastEvaluatedMonth,
    ]);
    const graph = tasksOnGraph(customerWorkflow, { events: sampleEvents(), serializeState });
    expect({ disqualified: graph.disqualified, none: graph.none }).toEqual({ disqualified: [''], none: [''] });
    // every combination of the four tasks is reached in the active state; suspended, a pending proof always sits beside its expired document's renewal
    expect(graph['open.active']).toHaveLength(16);
    expect(graph['open.suspended']).toEqual(expect.arrayContaining(['', 'customer.disqualification', 'customer.document-renewal', 'customer.document-renewal+customer.renewal-proof', 'customer.confirm-grade']));
    expect(graph['open.suspended'].filter((combo) => combo.includes('renewal-proof') && !combo.includes('document-renewal'))).toEqual([]);
    const tasks = new Set(Object.values(graph).flat().flatMap((combo) => combo.split('+')).filter(Boolean));
    expect([...tasks].sort()).toEqual(['customer.confirm-grade', 'customer.disqualification', 'customer.document-renewal', 'customer.renewal-proof']);
  });
});
