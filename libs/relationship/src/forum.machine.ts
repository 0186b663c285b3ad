import { and, assign, setup } from 'xstate';
import { hasRole, LEADER_ROLES, MINUTE_KEEPER_ROLES, ORGANISER_ROLES } from './relationship.rules';
import { beijingDateOf, yearOf } from './relationship.shapes';
import { INITIAL_FORUM_CONTEXT, type ForumContext } from './forum.context';
import type { ForumEvent } from './forum.events';

type GuardArgs = { context: ForumContext; event: ForumEvent };

const forumGuards = {
  /** 销售部应编制客户座谈会筹备计划: the sales department writes the plan */
  isOrganiser: ({ event }: GuardArgs) => hasRole(event.data.role, ORGANISER_ROLES),
  isNextPlan: ({ context, event }: GuardArgs) =>
    event.type === 'ForumPlanSubmitted' && event.data.planNo === context.planNo + 1 && event.data.year === yearOf(event.data.plannedOn) && event.data.notify.length > 0,
  /** ADR 0025: the responsible leader (主管领导) approves it */
  isLeader: ({ event }: GuardArgs) => hasRole(event.data.role, LEADER_ROLES),
  /** FORUM-SELF: not the one who submitted it */
  isNotSubmitter: ({ context, event }: GuardArgs) => event.data.by !== context.submittedBy,
  isCurrentPlan: ({ context, event }: GuardArgs) => 'planNo' in event.data && event.data.planNo === context.planNo,
  isMinuteKeeper: ({ event }: GuardArgs) => hasRole(event.data.role, MINUTE_KEEPER_ROLES),
  /** R-FORUM-1: counted in the year it was held, and only once it has been held */
  heldBeforeFiling: ({ event }: GuardArgs) =>
    event.type === 'ForumMinutesFiled' && event.data.year === yearOf(event.data.heldOn) && event.data.heldOn <= beijingDateOf(event.data.at),
  /** R-FORUM-1: held under the approved plan, not before its approval; each follow-up's department is told */
  heldUnderApprovedPlan: ({ context, event }: GuardArgs) =>
    event.type === 'ForumMinutesFiled' &&
    event.data.planNo === context.planNo &&
    context.approvedOn !== null &&
    event.data.heldOn >= context.approvedOn &&
    event.data.followUps.every((f) => event.data.notify?.includes(f.department)),
  /** minutes of schema v1 (upcast: no plan), the only ones a forum may start with */
  filedBeforePlansWereKept: ({ event }: GuardArgs) => event.type === 'ForumMinutesFiled' && event.data.planNo === null && event.data.followUps.length === 0,
};

function evolve(event: ForumEvent): Partial<ForumContext> {
  switch (event.type) {
    case 'ForumPlanSubmitted':
      return { forumId: event.data.forumId, title: event.data.title, plannedOn: event.data.plannedOn, planNo: event.data.planNo, submittedBy: event.data.by, approvedOn: null };
    case 'ForumPlanApproved':
      return { approvedOn: beijingDateOf(event.data.at) };
    case 'ForumMinutesFiled':
      return { forumId: event.data.forumId, title: event.data.title };
    default:
      return {};
  }
}

const on = (guards: Array<keyof typeof forumGuards>, target: string) => ({ guard: guards.length === 1 ? guards[0] : and(guards), actions: 'evolve' as const, target });

/**
 * R-FORUM-1: the sales department's preparation plan, approved (or sent back) by the responsible
 * leader, then the forum is held and its minutes filed, once. Streams written before plans were
 * kept start with their minutes (`none → filed`, upcast v1 only).
 */
export const forumMachine = setup({
  types: { context: {} as ForumContext, events: {} as ForumEvent },
  guards: forumGuards,
  actions: { evolve: assign(({ event }) => evolve(event)) },
}).createMachine({
  id: 'forum',
  initial: 'none',
  context: INITIAL_FORUM_CONTEXT,
  states: {
    none: {
      on: {
        ForumPlanSubmitted: on(['isOrganiser', 'isNextPlan'], 'planSubmitted'),
        ForumMinutesFiled: on(['isMinuteKeeper', 'heldBeforeFiling', 'filedBeforePlansWereKept'], 'filed'),
      },
    },
    planSubmitted: {
      on: {
        ForumPlanApproved: on(['isLeader', 'isNotSubmitter', 'isCurrentPlan'], 'planApproved'),
        ForumPlanReturned: on(['isLeader', 'isNotSubmitter', 'isCurrentPlan'], 'planReturned'),
      },
    },
    planReturned: { on: { ForumPlanSubmitted: on(['isOrganiser', 'isNextPlan'], 'planSubmitted') } },
    planApproved: { on: { ForumMinutesFiled: on(['isMinuteKeeper', 'heldBeforeFiling', 'heldUnderApprovedPlan'], 'filed') } },
    filed: { type: 'final' },
  },
});
