import type { EventStore, StoredEvent } from '@crm/event-store';
import {
  type AnyDomainEvent,
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
  const stored = Number(event.metadata.schemaVersion ?? 1);
  const current = workflow.eventSchemaVersions?.[event.type] ?? 1;
  if (stored >= current || !workflow.upcast) return { type: event.type, data: event.data };
  return workflow.upcast({ type: event.type, data: event.data, schemaVersion: stored });
}

/** Folds stored events through the machine; engine (timer) events are skipped by the kit. */
export function replayStored(workflow: AnyWorkflow, streamId: string, events: StoredEvent[]): StreamSnapshot {
  const domain = events.filter((e) => !ENGINE_EVENT_TYPES.has(e.type)).map((e) => upcastEvent(workflow, e));
  const snapshot = replayEvents(workflow, domain);
  const revision = events.length === 0 ? null : events[events.length - 1].revision;
  return { streamId, events, revision, snapshot, state: toWorkflowState(snapshot, revision) };
}

export async function loadStream(store: EventStore, workflow: AnyWorkflow, instanceId: string): Promise<StreamSnapshot> {
  const streamId = streamIdOf(workflow, instanceId);
  return replayStored(workflow, streamId, await store.readStream(streamId));
}
