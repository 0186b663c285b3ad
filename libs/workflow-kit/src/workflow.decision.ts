import type { AnyMachineSnapshot } from 'xstate';
import type { AnyCommand } from './command';
import type { AnyDomainEvent } from './domain-event';
import { DomainRuleViolation, TransitionNotAllowed } from './domain-errors';
import type { AnyWorkflow, DeadlineSpec } from './workflow.definition';
import { applyEvent, stateName, toWorkflowState } from './workflow.replay';

export interface Decision {
  events: AnyDomainEvent[];
  after: AnyMachineSnapshot;
  scheduled: DeadlineSpec[];
  cancelled: DeadlineSpec[];
}

/**
 * Pure core of every command: validate the payload with its zod schema, let the workflow decide,
 * then make the machine the final judge of each produced event (guards included), and diff the
 * deadlines the workflow declares before and after.
 */
export function decideOnWorkflow(
  workflow: AnyWorkflow,
  snapshot: AnyMachineSnapshot,
  revision: number | null,
  command: AnyCommand,
  services: unknown,
): Decision {
  const schema = workflow.commandSchemas[command.type];
  if (!schema) throw new DomainRuleViolation('COMMAND', `${workflow.name} has no command ${command.type}`, 'type');
  const parsed = schema.safeParse(command.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainRuleViolation('SCHEMA', issue.message, ['data', ...issue.path].join('.'));
  }
  const before = toWorkflowState(snapshot, revision);
  const events = workflow.decide({ ...command, data: parsed.data }, before, services);
  let after = snapshot;
  for (const event of events) {
    if (!after.can(event)) throw new TransitionNotAllowed(workflow.name, stateName(after.value), event.type);
    after = applyEvent(workflow, after, event);
  }
  const { scheduled, cancelled } = diffDeadlines(
    workflow.deadlines?.(before) ?? [],
    workflow.deadlines?.(toWorkflowState(after, revision)) ?? [],
  );
  return { events, after, scheduled, cancelled };
}

const deadlineId = (d: DeadlineSpec) => `${d.key}@${d.dueAt}`;

export function diffDeadlines(before: DeadlineSpec[], after: DeadlineSpec[]) {
  const beforeIds = new Set(before.map(deadlineId));
  const afterIds = new Set(after.map(deadlineId));
  return {
    scheduled: after.filter((d) => !beforeIds.has(deadlineId(d))),
    cancelled: before.filter((d) => !afterIds.has(deadlineId(d))),
  };
}
