import { and, setup } from 'xstate';
import { hasRole, MINUTE_KEEPER_ROLES } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import type { ForumEvent } from './forum.events';

type GuardArgs = { event: ForumEvent };

const forumGuards = {
  isMinuteKeeper: ({ event }: GuardArgs) => hasRole(event.data.role, MINUTE_KEEPER_ROLES),
  /** R-FORUM-1: counted in the year it was held, and only once it has been held */
  heldBeforeFiling: ({ event }: GuardArgs) => event.data.year === yearOf(event.data.heldOn) && event.data.heldOn <= beijingDateOf(event.data.at),
};

/** R-FORUM-1: a forum's minutes are filed once, and kept. */
export const forumMachine = setup({
  types: { context: {} as Record<string, never>, events: {} as ForumEvent },
  guards: forumGuards,
}).createMachine({
  id: 'forum',
  initial: 'none',
  context: {},
  states: {
    none: { on: { ForumMinutesFiled: { guard: and(['isMinuteKeeper', 'heldBeforeFiling']), target: 'filed' } } },
    filed: { type: 'final' },
  },
});
