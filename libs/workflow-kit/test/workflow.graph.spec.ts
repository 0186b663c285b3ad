import { setup } from 'xstate';
import { assertMachineGraph, machineGraphReport } from '../src';
import { toyWorkflow } from './toy.workflow';

const toyEvents = [
  { type: 'ToyOpened', data: { by: 'alice', at: '2026-03-02T02:00:00.000Z' } },
  { type: 'ToyApproved', data: { by: 'bob', step: 1 } },
  { type: 'ToyApproved', data: { by: 'carol', step: 2 } },
];

describe('machine graph walk (@xstate/graph)', () => {
  it('finds every toy state reachable and a shortest path to its final state', () => {
    const report = assertMachineGraph(toyWorkflow.machine, { events: toyEvents });
    expect(report.unreachable).toEqual([]);
    expect(report.pathsToFinal).toEqual({ done: ['ToyOpened', 'ToyApproved', 'ToyApproved'] });
  });

  it('reports the final state unreached when the samples cannot pass the guard (one approver only)', () => {
    const oneApprover = toyEvents.slice(0, 2);
    expect(() => assertMachineGraph(toyWorkflow.machine, { events: oneApprover })).toThrow('unreachable states [done]; final states never reached [done]');
  });

  it('names a state no transition leads to', () => {
    const machine = setup({}).createMachine({
      id: 'orphan',
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { type: 'final' }, island: { initial: 'x', states: { x: {} } } },
    });
    expect(machineGraphReport(machine).unreachable).toEqual(['island', 'island.x']);
    expect(() => assertMachineGraph(machine)).toThrow('unreachable states [island, island.x]');
  });
});
