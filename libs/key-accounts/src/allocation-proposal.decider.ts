import { DomainRuleViolation, NotPermitted, TransitionNotAllowed, type Actor, type WorkflowState } from '@crm/workflow-kit';
import { allocate, ALLOCATION_ORDER } from './allocation';
import type { AllocationCommand } from './allocation-proposal.commands';
import { allocatedTotalKg, type AllocationContext } from './allocation-proposal.context';
import type { AllocationEvent } from './allocation-proposal.events';

const PROPOSERS = ['sales_reviewer'];
const isGeneralManager = (actor: Actor) => actor.roles.includes('general_manager');

/**
 * R-ALLOC-1..3: the sales department proposes (the allocation itself is computed here from the
 * inputs, never typed in) and may change a line by hand with a reason; the general manager approves
 * or returns it. An approved month is amended by proposing the next round.
 */
export function decideAllocation(command: AllocationCommand, state: WorkflowState<AllocationContext>): AllocationEvent[] {
  const actor = command.meta.actor;
  const at = command.meta.now;
  const context = state.context;
  switch (command.type) {
    case 'ProposeAllocation': {
      if (!actor.roles.some((r) => PROPOSERS.includes(r))) throw new NotPermitted('R-ALLOC-2', 'the sales department proposes the allocation');
      if (state.state === 'draft') throw new TransitionNotAllowed('allocation', state.state, 'AllocationProposed');
      const d = command.data;
      if (context.round > 0 && (d.month !== context.month || d.productLine !== context.productLine)) {
        throw new DomainRuleViolation('R-ALLOC-2', `this allocation is ${context.productLine ?? 'the pooled allocation'} for ${context.month}`, 'productLine');
      }
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
            month: d.month, productLine: d.productLine, round: context.round + 1, availableKg: d.availableKg, demands: d.demands, lines: result.lines, demandKg: result.demandKg,
            allocatedKg: result.allocatedKg, shortfallKg: result.shortfallKg, classesServed, note: d.note, proposedBy: actor.id, proposedAt: at,
            notify: ['general_manager'],
          },
        },
      ];
    }
    case 'AdjustAllocation': {
      if (!actor.roles.some((r) => PROPOSERS.includes(r))) throw new NotPermitted('R-ALLOC-2', 'the sales department adjusts its proposal');
      if (state.state !== 'draft') throw new TransitionNotAllowed('allocation', state.state, 'AllocationAdjusted');
      const d = command.data;
      if (d.round !== context.round) throw new DomainRuleViolation('R-ALLOC-2', `round ${d.round} is not the proposal under review (round ${context.round})`, 'round');
      const line = context.lines[d.customerId];
      if (!line) throw new DomainRuleViolation('R-ALLOC-2', `customer ${d.customerId} has no line in round ${context.round}`, 'customerId');
      if (d.allocatedKg > line.demandKg) throw new DomainRuleViolation('R-ALLOC-2', `${d.customerId} asked for ${line.demandKg} kg; an adjustment gives at most that`, 'allocatedKg');
      const total = allocatedTotalKg(context) - line.allocatedKg + d.allocatedKg;
      if (total > context.availableKg) throw new DomainRuleViolation('R-ALLOC-1', `the month would allocate ${total} kg of the ${context.availableKg} kg available`, 'allocatedKg');
      if (d.allocatedKg === line.allocatedKg) return [];
      return [{ type: 'AllocationAdjusted', data: { month: context.month as string, round: context.round, customerId: d.customerId, previousKg: line.allocatedKg, allocatedKg: d.allocatedKg, reason: d.reason, adjustedBy: actor.id, adjustedAt: at } }];
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
