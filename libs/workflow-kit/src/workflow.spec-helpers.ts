import type { Actor } from './actor';
import type { AnyCommand } from './command';
import type { AnyDomainEvent } from './domain-event';
import type { AnyWorkflow, DeadlineSpec } from './workflow.definition';
import { decideOnWorkflow, type Decision } from './workflow.decision';
import { replayEvents } from './workflow.replay';

type ErrorClass = new (...args: any[]) => Error;

/**
 * Given/when/then for deciders, run through the real machine:
 * `given([ApplicationSubmitted]).when(approveSales).then([SalesReviewApproved])`.
 * Uses Jest's `expect`, so call it only from specs.
 */
export function workflowSpec(workflow: AnyWorkflow, services?: unknown) {
  return {
    given(events: AnyDomainEvent[] = []) {
      return {
        when(command: AnyCommand) {
          const attempt = (): Decision =>
            decideOnWorkflow(workflow, replayEvents(workflow, events), events.length - 1 < 0 ? null : events.length - 1, command, services);
          return {
            then(expected: AnyDomainEvent[]): Decision {
              const decision = attempt();
              expect(decision.events).toEqual(expected);
              return decision;
            },
            thenMatches(expected: Array<{ type: string; data?: Record<string, unknown> }>): Decision {
              const decision = attempt();
              expect(decision.events).toMatchObject(expected);
              expect(decision.events).toHaveLength(expected.length);
              return decision;
            },
            thenThrows(errorClass: ErrorClass, messagePart?: string | RegExp): void {
              expect(attempt).toThrow(errorClass);
              if (messagePart) expect(attempt).toThrow(messagePart);
            },
            thenSchedules(expected: Array<Partial<DeadlineSpec>>): Decision {
              const decision = attempt();
              expect(decision.scheduled).toMatchObject(expected);
              return decision;
            },
          };
        },
      };
    },
  };
}

/** Builds a command for specs with an explicit clock and actor (no hidden defaults for time). */
export function commandOf<TCommand extends AnyCommand>(
  type: TCommand['type'],
  data: TCommand['data'],
  actor: Actor,
  now: string,
): TCommand {
  return { type, data, meta: { actor, now } } as TCommand;
}
