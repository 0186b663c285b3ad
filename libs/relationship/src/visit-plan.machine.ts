import { and, assign, setup } from 'xstate';
import { INITIAL_VISIT_PLAN_CONTEXT, type VisitPlanContext } from './visit-plan.context';
import type { VisitPlanEvent } from './visit-plan.events';
import { hasRole, PLAN_APPROVER_ROLES, VISITOR_ROLES } from './relationship.rules';

type GuardArgs = { context: VisitPlanContext; event: VisitPlanEvent };

const visitPlanGuards = {
  /** R-VISIT-1: customer managers draft their own plan */
  isCustomerManager: ({ event }: GuardArgs) => hasRole(event.data.role, VISITOR_ROLES),
  draftsOwnPlan: ({ event }: GuardArgs) => event.type === 'VisitPlanDrafted' && event.data.managerId === event.data.by,
  isPlanOwner: ({ context, event }: GuardArgs) => event.data.by === context.managerId,
  /** R-VISIT-1: the sales department head decides on the plan */
  isSalesHead: ({ event }: GuardArgs) => hasRole(event.data.role, PLAN_APPROVER_ROLES),
  /** VISIT-SELF: nobody approves a plan they own */
  isNotOwner: ({ context, event }: GuardArgs) => event.data.by !== context.managerId,
  countsItems: ({ context, event }: GuardArgs) => event.type === 'VisitPlanSubmitted' && event.data.itemCount === context.items.length,
};

function evolve(event: VisitPlanEvent): Partial<VisitPlanContext> {
  switch (event.type) {
    case 'VisitPlanDrafted':
      return { planId: event.data.planId, year: event.data.year, managerId: event.data.managerId, items: event.data.items };
    case 'VisitPlanRevised':
      return { items: event.data.items };
    case 'VisitPlanApproved':
      return { approvedBy: event.data.by, approvedAt: event.data.at };
    default:
      return {};
  }
}

const on = (guards: Array<keyof typeof visitPlanGuards>, target?: string) => ({
  guard: guards.length === 1 ? guards[0] : and(guards),
  actions: 'evolve' as const,
  ...(target ? { target } : {}),
});

/**
 * R-VISIT-1: a manager's annual visit plan, drafted and revised by its manager, approved (or sent
 * back) by the sales department head. Only an approved plan's items can be reported as visited.
 */
export const visitPlanMachine = setup({
  types: { context: {} as VisitPlanContext, events: {} as VisitPlanEvent },
  guards: visitPlanGuards,
  actions: { evolve: assign(({ event }) => evolve(event)) },
}).createMachine({
  id: 'visitPlan',
  initial: 'none',
  context: INITIAL_VISIT_PLAN_CONTEXT,
  states: {
    none: { on: { VisitPlanDrafted: on(['isCustomerManager', 'draftsOwnPlan'], 'drafting') } },
    drafting: {
      on: {
        VisitPlanRevised: on(['isPlanOwner']),
        VisitPlanSubmitted: on(['isPlanOwner', 'countsItems'], 'submitted'),
      },
    },
    submitted: {
      on: {
        VisitPlanApproved: on(['isSalesHead', 'isNotOwner'], 'approved'),
        VisitPlanReturned: on(['isSalesHead', 'isNotOwner'], 'drafting'),
      },
    },
    approved: { type: 'final' },
  },
});
