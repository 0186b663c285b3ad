import type { EventStore, StoredEvent } from '@crm/event-store';
import {
  type AnyDomainEvent,
  applyEvent,
  type AnyWorkflow,
  ENGINE_EVENT_TYPES,
  replayEvents,
  toWorkflowState,
  type WorkflowState,
} from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';

export const streamIdOf = (workflow: AnyWorkflow, instanceId: string): string => `${workflow.streamPrefix}-${instanceId}`;

export interface StreamSnapshot {
  streamId: string;
  events: StoredEvent[];
  /** last revision in the stream, null when it does not exist */
  revision: number | null;
  snapshot: AnyMachineSnapshot;
  state: WorkflowState<any>;
}

/**
 * Old events are never rewritten (ADR 0005): an event stored under an older schema version goes
 * through the workflow's upcaster on every read, so the machine only ever sees current shapes.
 */
export function upcastEvent(workflow: AnyWorkflow, event: StoredEvent): AnyDomainEvent {
  if (!workflow.upcast || !needsUpcast(workflow, event)) return { type: event.type, data: event.data };
  return workflow.upcast({ type: event.type, data: event.data, schemaVersion: Number(event.metadata.schemaVersion ?? 1) });
}

export function needsUpcast(workflow: AnyWorkflow, event: StoredEvent): boolean {
  const stored = Number(event.metadata.schemaVersion ?? 1);
  return stored < (workflow.eventSchemaVersions?.[event.type] ?? 1) && workflow.upcast !== undefined;
}

/** Folds stored events through the machine; engine (timer) events are skipped by the kit. */
export function replayStored(workflow: AnyWorkflow, streamId: string, events: StoredEvent[]): StreamSnapshot {
  const domain = events.filter((e) => !ENGINE_EVENT_TYPES.has(e.type)).map((e) => upcastEvent(workflow, e));
  const snapshot = replayEvents(workflow, domain);
  const revision = events.length === 0 ? null : events[events.length - 1].revision;
  return { streamId, events, revision, snapshot, state: toWorkflowState(snapshot, revision) };
}

/**
 * Folds the events that follow `base` (the next revisions, in order) on top of it: the same
 * transitions a replay from zero makes for them. `base` and its event array are left as they were.
 */
export function continueReplay(workflow: AnyWorkflow, base: StreamSnapshot, next: StoredEvent[]): StreamSnapshot {
  if (next.length === 0) return base;
  const domain = next.filter((e) => !ENGINE_EVENT_TYPES.has(e.type)).map((e) => upcastEvent(workflow, e));
  const snapshot = domain.reduce((s, e) => applyEvent(workflow, s, e), base.snapshot);
  const revision = next[next.length - 1].revision;
  return { streamId: base.streamId, events: base.events.concat(next), revision, snapshot, state: toWorkflowState(snapshot, revision) };
}

export async function loadStream(store: EventStore, workflow: AnyWorkflow, instanceId: string): Promise<StreamSnapshot> {
  const streamId = streamIdOf(workflow, instanceId);
  return replayStored(workflow, streamId, await store.readStream(streamId));
}
