import { type AnyCommand, type AnyDomainEvent, type AnyWorkflow, ENGINE_EVENT_TYPES, toWorkflowState } from '@crm/workflow-kit';
import type { AnyMachineSnapshot } from 'xstate';
import type { StreamSnapshot } from '../workflow/stream-replay';
import { timerEvents } from '../workflow/timer-events';
import { deriveTaskEvents, type TaskCalendar } from './task-derivation';
import { taskFactsOf } from './task-facts';

/**
 * The task facts (and their idle timers) that go into the same append as a decision: one call in
 * the engine's command path, so every workflow's human steps become tasks without glue.
 */
export function taskEventsOfDecision(
  workflow: AnyWorkflow,
  stream: StreamSnapshot,
  instanceId: string,
  command: AnyCommand,
  decided: { events: AnyDomainEvent[]; after: AnyMachineSnapshot },
  onBehalfOf: string | null,
  calendar?: TaskCalendar,
): AnyDomainEvent[] {
  const domain = decided.events.filter((e) => !ENGINE_EVENT_TYPES.has(e.type));
  if (!workflow.tasks?.length || domain.length === 0) return [];
  const derived = deriveTaskEvents({
    workflow,
    streamId: stream.streamId,
    instanceId,
    command,
    open: taskFactsOf(stream.events).open,
    after: toWorkflowState(decided.after, stream.revision),
    eventTypes: domain.map((e) => e.type),
    firstRevision: (stream.revision ?? -1) + 1,
    onBehalfOf: onBehalfOf ?? (typeof command.data?.onBehalfOf === 'string' ? command.data.onBehalfOf : null),
    ...(calendar ? { calendar } : {}),
  });
  return [...derived.events, ...timerEvents(workflow, stream.streamId, instanceId, derived.scheduled, derived.cancelled)];
}
