import { and, assign, setup } from 'xstate';
import { INITIAL_PROSPECT_CONTEXT, type ProspectContext } from './prospect.context';
import type { ProspectEvent } from './prospect.events';
import { evolveProspect } from './prospect.evolve';
import { prospectGuards } from './prospect.guards';

type Guard = keyof typeof prospectGuards;
const on = (guards: Guard[], target?: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  ...(target ? { target } : {}),
});

const prospect = setup({
  types: { context: {} as ProspectContext, events: {} as ProspectEvent },
  guards: prospectGuards,
  actions: { evolve: assign(({ context, event }) => evolveProspect(context, event)) },
});

/**
 * A prospect archive (目标客户档案, R-DEV-1): kept and updated while `active`; it ends when an
 * onboarding application is opened for it (converted) or the manager gives it up (dropped).
 */
export const prospectMachine = prospect.createMachine({
  id: 'prospect',
  initial: 'none',
  context: INITIAL_PROSPECT_CONTEXT,
  states: {
    none: { on: { ProspectRegistered: on(['actsAsKeeper', 'registersForSelf'], 'active') } },
    active: {
      on: {
        ProspectUpdated: on(['actsAsKeeper', 'isOwnProspect', 'changesSomething']),
        ProspectConverted: on(['actsAsCloser', 'convertsOwnCompany'], 'converted'),
        ProspectDropped: on(['actsAsCloser'], 'dropped'),
      },
    },
    converted: { type: 'final' },
    dropped: { type: 'final' },
  },
});
