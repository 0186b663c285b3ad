import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, type Actor, type WorkflowState } from '@crm/workflow-kit';
import { allocate, ALLOCATION_ORDER } from './allocation';
import type { AllocationCommand } from './allocation-proposal.commands';
import type { AllocationContext } from './allocation-proposal.context';
import type { AllocationEvent } from './allocation-proposal.events';

const PROPOSERS = ['sales_reviewer'];
const isGeneralManager = (actor: Actor) => actor.roles.includes('general_manager');

/**
 * R-ALLOC-1..3: the sales department proposes (the allocation itself is computed here from the
 * inputs, never typed in), the general manager approves or returns it.
 */
export function decideAllocation(command: AllocationCommand, state: WorkflowState<AllocationContext>): AllocationEvent[] {
  const actor = command.meta.actor;
  const at = command.meta.now;
  const context = state.context;
  switch (command.type) {
    case 'ProposeAllocation': {
      if (!actor.roles.some((r) => PROPOSERS.includes(r))) throw new NotPermitted('R-ALLOC-2', 'the sales department proposes the allocation');
      if (state.state !== 'none' && state.state !== 'returned') throw new TransitionNotAllowed('allocation', state.state, 'AllocationProposed');
      const d = command.data;
      const ids = new Set<string>();
      d.demands.forEach((demand, i) => {
        if (ids.has(demand.customerId)) throw new DomainRuleViolation('R-ALLOC-2', `customer ${demand.customerId} has more than one demand`, `demands.${i}.customerId`);
        ids.add(demand.customerId);
      });
      const result = allocate(d.availableKg, d.demands);
      const classesServed = ALLOCATION_ORDER.filter((c) => result.lines.some((l) => l.salesObject === c && l.allocatedKg > 0));
      return [
        {
          type: 'AllocationProposed',
          data: {
            month: d.month, round: context.round + 1, availableKg: d.availableKg, demands: d.demands, lines: result.lines, demandKg: result.demandKg,
            allocatedKg: result.allocatedKg, shortfallKg: result.shortfallKg, classesServed, note: d.note, proposedBy: actor.id, proposedAt: at,
            notify: ['general_manager'],
          },
        },
      ];
    }
    case 'ApproveAllocation':
    case 'ReturnAllocation': {
      if (!isGeneralManager(actor)) throw new NotPermitted('R-ALLOC-2', 'only the general manager decides on the allocation');
      if (state.state !== 'draft') throw new TransitionNotAllowed('allocation', state.state, command.type === 'ApproveAllocation' ? 'AllocationApproved' : 'AllocationReturned');
      if (command.data.round !== context.round) throw new DomainRuleViolation('R-ALLOC-2', `round ${command.data.round} is not the proposal under review (round ${context.round})`, 'round');
      const month = context.month as string;
      return command.type === 'ApproveAllocation'
        ? [{ type: 'AllocationApproved', data: { month, round: context.round, comment: command.data.comment, approvedBy: actor.id, approvedAt: at } }]
        : [{ type: 'AllocationReturned', data: { month, round: context.round, reason: command.data.reason, returnedBy: actor.id, returnedAt: at, notify: ['sales_reviewer'] } }];
    }
  }
}
