import type { AnyMachineSnapshot, AnyStateMachine, EventObject, StateValue } from 'xstate';

type GraphModule = typeof import('@xstate/graph');

export interface MachineGraphOptions {
  /**
   * Sample events to try in every state. Guards usually read `event.data`, so give samples that
   * pass them (e.g. approvals by two different people). Default: each event type the machine
   * names, with empty data.
   */
  events?: readonly EventObject[] | ((snapshot: AnyMachineSnapshot) => readonly EventObject[]);
  /** how a snapshot is told apart; default value + context (pass value-only for machines whose context grows forever) */
  serializeState?: (snapshot: AnyMachineSnapshot) => string;
  /** traversal budget; @xstate/graph throws when it is exceeded */
  limit?: number;
}

export interface MachineGraphReport {
  /** every state node, dotted path ('review.finance'), history pseudo-states left out */
  states: string[];
  reached: string[];
  unreachable: string[];
  finalStates: string[];
  /** the shortest event sequence reaching each final state that was reached */
  pathsToFinal: Record<string, string[]>;
}

/** Walks the machine's graph with @xstate/graph's shortest paths from the initial state. */
export function machineGraphReport(machine: AnyStateMachine, options: MachineGraphOptions = {}): MachineGraphReport {
  // required lazily: only specs walk graphs, so the running service never loads @xstate/graph
  const graph = require('@xstate/graph') as GraphModule;
  const nodes = graph.getStateNodes(machine.root).filter((node) => node.type !== 'history');
  const states = nodes.map((node) => node.path.join('.'));
  const finalStates = nodes.filter((node) => node.type === 'final').map((node) => node.path.join('.'));
  const events = options.events ?? defaultEvents(machine);
  const paths = graph.getShortestPaths(machine, {
    events: events as never,
    limit: options.limit ?? 50_000,
    ...(options.serializeState ? { serializeState: options.serializeState as never } : {}),
  });
  const reachedSet = new Set<string>();
  const pathsToFinal: Record<string, string[]> = {};
  for (const path of paths) {
    for (const node of activePaths(path.state.value as StateValue)) {
      reachedSet.add(node);
      if (finalStates.includes(node) && !pathsToFinal[node]) pathsToFinal[node] = path.steps.map((s) => s.event.type).filter((t) => !t.startsWith('xstate.'));
    }
  }
  const reached = states.filter((s) => reachedSet.has(s));
  return { states, reached, unreachable: states.filter((s) => !reachedSet.has(s)), finalStates, pathsToFinal };
}

/**
 * For specs: every state is reachable and every final state is reached by some path. Throws an
 * Error naming what is missing, so it works under any test runner.
 */
export function assertMachineGraph(machine: AnyStateMachine, options: MachineGraphOptions = {}): MachineGraphReport {
  const report = machineGraphReport(machine, options);
  const unreachedFinals = report.finalStates.filter((s) => !report.pathsToFinal[s]);
  if (report.unreachable.length > 0 || unreachedFinals.length > 0) {
    throw new Error(
      `machine ${machine.id}: unreachable states [${report.unreachable.join(', ')}]; final states never reached [${unreachedFinals.join(', ')}]`,
    );
  }
  return report;
}

function defaultEvents(machine: AnyStateMachine): EventObject[] {
  return machine.events.filter((type) => !type.startsWith('xstate.') && type !== '*').map((type) => ({ type, data: {} }));
}

/** 'a' → [a]; { review: 'finance' } → [review, review.finance]; parallel regions all listed. */
function activePaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [`${prefix}${value}`];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = `${prefix}${key}`;
    return child === undefined ? [here] : [here, ...activePaths(child as StateValue, `${here}.`)];
  });
}
