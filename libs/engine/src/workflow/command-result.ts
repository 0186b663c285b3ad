import type { StoredEvent } from '@crm/event-store';
import type { WorkflowState } from '@crm/workflow-kit';

/** What a command returns: enough for the caller to answer and to wait for its read models. */
export interface CommandResult {
  streamId: string;
  /** last revision of the stream after the command (null only if the stream still does not exist) */
  revision: number | null;
  /** global position of the last event written (or of the replayed result); 0 when nothing exists */
  position: number;
  state: WorkflowState<any>;
  /** the events this command wrote (or, when replayed, wrote the first time) */
  events: StoredEvent[];
  /** true when the idempotency key had been seen: nothing was written this time */
  replayed: boolean;
}

/** A workflow instance as replayed from its stream. */
export interface LoadedWorkflow {
  streamId: string;
  state: WorkflowState<any>;
  /** every stored event, engine (timer) events included, in revision order */
  events: StoredEvent[];
}

/** Replay up to a global position (inclusive) or up to an instant (events that occurred at or before it). */
export type ReplayPoint = { atPosition: number } | { atInstant: string | Date };
