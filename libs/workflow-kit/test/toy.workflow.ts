import { assign, setup } from 'xstate';
import { z } from 'zod';
import type { Command } from '../src/command';
import type { DomainEvent } from '../src/domain-event';
import { DomainRuleViolation } from '../src/domain-errors';
import type { WorkflowDefinition } from '../src/workflow.definition';

/** A two-step approval used to test the kit itself: open → first approval → second approval. */
type ToyEvent =
  | DomainEvent<'ToyOpened', { by: string; at: string }>
  | DomainEvent<'ToyApproved', { by: string; step: number }>;
type ToyCommand = Command<'OpenToy', Record<string, never>> | Command<'ApproveToy', { comment?: string }>;
interface ToyContext {
  approvers: string[];
  openedAt: string | null;
}

const machine = setup({
  types: { context: {} as ToyContext, events: {} as ToyEvent },
  guards: {
    isNewApprover: ({ context, event }) => event.type === 'ToyApproved' && !context.approvers.includes(event.data.by),
  },
}).createMachine({
  id: 'toy',
  initial: 'none',
  context: { approvers: [], openedAt: null },
  states: {
    none: { on: { ToyOpened: { target: 'first', actions: assign({ openedAt: ({ event }) => (event.type === 'ToyOpened' ? event.data.at : null) }) } } },
    first: { on: { ToyApproved: { target: 'second', guard: 'isNewApprover', actions: assign({ approvers: ({ context, event }) => (event.type === 'ToyApproved' ? [...context.approvers, event.data.by] : context.approvers) }) } } },
    second: { on: { ToyApproved: { target: 'done', guard: 'isNewApprover' } } },
    done: { type: 'final' },
  },
});

export const toyWorkflow: WorkflowDefinition<ToyCommand, ToyEvent, ToyContext> = {
  name: 'toy',
  version: '1',
  streamPrefix: 'toy',
  machine,
  creationCommands: ['OpenToy'],
  commandSchemas: { OpenToy: z.object({}).strict() as never, ApproveToy: z.object({ comment: z.string().max(10).optional() }) },
  eventSchemas: { ToyOpened: z.object({ by: z.string(), at: z.string() }), ToyApproved: z.object({ by: z.string(), step: z.number() }) },
  decide(command, state) {
    switch (command.type) {
      case 'OpenToy':
        return [{ type: 'ToyOpened', data: { by: command.meta.actor.id, at: command.meta.now } }];
      case 'ApproveToy':
        if (command.meta.actor.roles.length === 0) throw new DomainRuleViolation('R-TOY-1', 'approvers need a role');
        return [{ type: 'ToyApproved', data: { by: command.meta.actor.id, step: state.context.approvers.length + 1 } }];
      default: {
        const unknownCommand: never = command;
        return unknownCommand;
      }
    }
  },
  deadlines(state) {
    return state.state === 'first' && state.context.openedAt
      ? [{ key: 'remind', dueAt: state.context.openedAt, command: { type: 'RemindToy', data: {} } }]
      : [];
  },
};
