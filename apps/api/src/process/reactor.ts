import type { StoredEvent } from '@crm/event-store';
import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, WorkflowNotFound } from '@crm/workflow-kit';

/**
 * Something that acts on stored events (a process manager): it is delivered each event of its
 * types AT LEAST once, in global order, so `react` must have effect once however often it is
 * called — issue commands with an idempotency key derived from the event id.
 */
export interface Reactor {
  /** stable: its checkpoint and leader lock are kept under this name */
  readonly name: string;
  readonly eventTypes: readonly string[];
  react(event: StoredEvent): Promise<void>;
}

/**
 * A refusal by the domain will be the same on every redelivery: record it and move on rather
 * than block every later event. Anything else (store down, timeout) is retried from the checkpoint.
 */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof DomainRuleViolation || error instanceof NotPermitted || error instanceof TransitionNotAllowed || error instanceof WorkflowNotFound;
}
