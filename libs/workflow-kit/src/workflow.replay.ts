import { initialTransition, transition, type AnyMachineSnapshot, type StateValue } from 'xstate';
import type { AnyDomainEvent } from './domain-event';
import type { AnyWorkflow, WorkflowState } from './workflow.definition';

/** Engine bookkeeping events (timers, human tasks) share the stream but are invisible to the machine. */
export const TASK_EVENT_TYPES: readonly string[] = ['TaskOpened', 'TaskUpdated', 'TaskReassigned', 'TaskCompleted', 'TaskCancelled', 'TaskReminded', 'TaskEscalated'];
export const ENGINE_EVENT_TYPES: ReadonlySet<string> = new Set(['TimerScheduled', 'TimerCancelled', 'TimerFired', ...TASK_EVENT_TYPES]);

export function initialSnapshot(workflow: AnyWorkflow): AnyMachineSnapshot {
  return initialTransition(workflow.machine)[0] as AnyMachineSnapshot;
}

/** XState's pure transition: no actor, no side effects, nothing that must survive a restart. */
export function applyEvent(workflow: AnyWorkflow, snapshot: AnyMachineSnapshot, event: AnyDomainEvent): AnyMachineSnapshot {
  if (ENGINE_EVENT_TYPES.has(event.type)) return snapshot;
  return transition(workflow.machine, snapshot, event)[0] as AnyMachineSnapshot;
}

export function replayEvents(workflow: AnyWorkflow, events: readonly AnyDomainEvent[]): AnyMachineSnapshot {
  return events.reduce((snapshot, event) => applyEvent(workflow, snapshot, event), initialSnapshot(workflow));
}

export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child && (typeof child === 'string' || Object.keys(child).length > 0) ? `${key}.${stateName(child as StateValue)}` : key))
    .join(',');
}

export function toWorkflowState<TContext>(snapshot: AnyMachineSnapshot, revision: number | null): WorkflowState<TContext> {
  return {
    state: stateName(snapshot.value),
    value: snapshot.value,
    context: snapshot.context as TContext,
    done: snapshot.status === 'done',
    revision,
  };
}
