import { and, assign, setup } from 'xstate';
import { allocatedTotalKg, evolveAllocation, INITIAL_ALLOCATION_CONTEXT, type AllocationContext } from './allocation-proposal.context';
import type { AllocationEvent } from './allocation-proposal.events';
import { ALLOCATION_ORDER } from './allocation';

type Ctx = { context: AllocationContext; event: AllocationEvent };
const classIndex = (c: string) => ALLOCATION_ORDER.indexOf(c as (typeof ALLOCATION_ORDER)[number]);

export const allocationGuards = {
  isNextRound: ({ context, event }: Ctx) =>
    event.type === 'AllocationProposed' && event.data.round === context.round + 1 && (context.round === 0 || (context.month === event.data.month && context.productLine === event.data.productLine)),
  /** R-ALLOC-1: never more than available, never more than asked */
  withinAvailable: ({ event }: Ctx) =>
    event.type === 'AllocationProposed' &&
    event.data.lines.every((l) => l.allocatedKg <= l.kg) &&
    event.data.lines.reduce((s, l) => s + l.allocatedKg, 0) <= event.data.availableKg,
  /** R-ALLOC-1: a class gets something only when every class before it got all it asked for */
  respectsClassOrder: ({ event }: Ctx) =>
    event.type === 'AllocationProposed' &&
    event.data.lines.every((l) => l.allocatedKg === 0 || event.data.lines.every((h) => classIndex(h.salesObject) >= classIndex(l.salesObject) || h.allocatedKg === h.kg)),
  decidesCurrentRound: ({ context, event }: Ctx) => event.type !== 'AllocationProposed' && event.data.round === context.round,
  /** R-ALLOC-1/2: a manual change stays on a line of the proposal, within what the customer asked and the month's volume */
  adjustmentWithinAvailable: ({ context, event }: Ctx) => {
    if (event.type !== 'AllocationAdjusted') return false;
    const line = context.lines[event.data.customerId];
    return !!line && line.allocatedKg === event.data.previousKg && event.data.allocatedKg <= line.demandKg &&
      allocatedTotalKg(context) - line.allocatedKg + event.data.allocatedKg <= context.availableKg;
  },
};

const allocation = setup({
  types: { context: {} as AllocationContext, events: {} as AllocationEvent },
  guards: allocationGuards,
  actions: { evolve: assign(({ context, event }) => evolveAllocation(context, event)) },
});

const propose = { guard: and(['isNextRound', 'withinAvailable', 'respectsClassOrder']), actions: 'evolve' as const, target: '#allocation.draft' };

/**
 * A product line's resource allocation for a month (R-ALLOC-1..3), `resource-allocation-<line>-<month>`:
 * proposed by the sales department (and adjusted by hand with reasons), approved or returned by the
 * general manager; a returned one is proposed again, an approved one may be amended by a new round.
 */
export const allocationMachine = allocation.createMachine({
  id: 'allocation',
  initial: 'none',
  context: INITIAL_ALLOCATION_CONTEXT,
  states: {
    none: { on: { AllocationProposed: propose } },
    draft: {
      on: {
        AllocationAdjusted: { guard: and(['decidesCurrentRound', 'adjustmentWithinAvailable']), actions: 'evolve' },
        AllocationApproved: { guard: 'decidesCurrentRound', actions: 'evolve', target: 'approved' },
        AllocationReturned: { guard: 'decidesCurrentRound', actions: 'evolve', target: 'returned' },
      },
    },
    returned: { on: { AllocationProposed: propose } },
    // an approved month stays in force while an amendment (the next round) is under review
    approved: { on: { AllocationProposed: propose } },
  },
});
