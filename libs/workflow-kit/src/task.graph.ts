import type { AnyMachineSnapshot } from 'xstate';
import { declaredTasks } from './open-tasks';
import type { MachineGraphOptions } from './workflow.graph';
import type { AnyWorkflow } from './workflow.definition';
import { toWorkflowState } from './workflow.replay';

type GraphModule = typeof import('@xstate/graph');

/**
 * For specs: walks the machine's graph (@xstate/graph shortest paths, the same samples as
 * machineGraphReport) and lists, for every state reached, the task types its declarations open
 * there (each distinct combination once, sorted). A spec compares it with the states the policy
 * says wait on a person: every waiting state opens a task, no other state does.
 */
export function tasksOnGraph(workflow: AnyWorkflow, options: MachineGraphOptions = {}): Record<string, string[]> {
  const graph = require('@xstate/graph') as GraphModule;
  const paths = graph.getShortestPaths(workflow.machine, {
    events: (options.events ?? []) as never,
    limit: options.limit ?? 50_000,
    ...(options.serializeState ? { serializeState: options.serializeState as never } : {}),
  });
  const seen: Record<string, Set<string>> = {};
  for (const path of paths) {
    const state = toWorkflowState(path.state as AnyMachineSnapshot, 0);
    const types = declaredTasks(workflow, state, 'graph').map((t) => t.taskType).sort().join('+');
    (seen[state.state] ??= new Set()).add(types);
  }
  return Object.fromEntries(Object.entries(seen).sort(([a], [b]) => a.localeCompare(b)).map(([state, combos]) => [state, [...combos].sort()]));
}
