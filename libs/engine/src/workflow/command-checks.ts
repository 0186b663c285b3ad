import type { AnyCommand, AnyWorkflow } from '@crm/workflow-kit';
import { DomainRuleViolation, TransitionNotAllowed, WorkflowNotFound } from '@crm/workflow-kit';
import { eventsOfRequest } from './idempotency';
import type { CommandResult } from './command-result';
import { replayStored, type StreamSnapshot } from './stream-replay';

/** The first result of this very request (key, actor and command type) already in the stream, rebuilt from it. */
export function priorResult(workflow: AnyWorkflow, stream: StreamSnapshot, command: AnyCommand): CommandResult | null {
  const written = eventsOfRequest(stream.events, command);
  if (written.length === 0) return null;
  const last = written[written.length - 1];
  const { state } = replayStored(workflow, stream.streamId, stream.events.filter((e) => e.revision <= last.revision));
  return { streamId: stream.streamId, revision: last.revision, position: last.position, state, events: written, replayed: true };
}

export function assertExistence(workflow: AnyWorkflow, stream: StreamSnapshot, command: AnyCommand): void {
  if (workflow.openOrContinueCommands?.includes(command.type)) return;
  const creating = workflow.creationCommands.includes(command.type);
  if (stream.revision === null && !creating) throw new WorkflowNotFound(stream.streamId);
  // creation commands only ever start a stream: repeating one is a conflict, not a new instance
  if (stream.revision !== null && creating) throw new TransitionNotAllowed(workflow.name, stream.state.state, command.type);
}

export function assertMeta(command: AnyCommand): void {
  if (!command?.meta?.actor?.id) throw new DomainRuleViolation('COMMAND', 'meta.actor is required', 'meta.actor');
  if (typeof command.meta.now !== 'string' || Number.isNaN(Date.parse(command.meta.now))) {
    throw new DomainRuleViolation('COMMAND', 'meta.now must be an ISO 8601 instant', 'meta.now');
  }
}
