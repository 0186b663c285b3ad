import type { AllocationEvent } from './allocation-proposal.events';

export interface ProposedLine {
  demandKg: number;
  allocatedKg: number;
}

export interface AllocationContext {
  month: string | null;
  productLine: string | null;
  round: number;
  availableKg: number;
  /** the proposal under review (or last decided), by customer */
  lines: Record<string, ProposedLine>;
  /** the allocation in force: the last approved round's kilograms by customer; a later round under review does not replace it until approved */
  approved: { round: number; kgByCustomer: Record<string, number> } | null;
}
export const INITIAL_ALLOCATION_CONTEXT: AllocationContext = { month: null, productLine: null, round: 0, availableKg: 0, lines: {}, approved: null };

export function evolveAllocation(context: AllocationContext, event: AllocationEvent): AllocationContext {
  switch (event.type) {
    case 'AllocationProposed': {
      const lines = Object.fromEntries(event.data.lines.map((l) => [l.customerId, { demandKg: l.kg, allocatedKg: l.allocatedKg }]));
      return { ...context, month: event.data.month, productLine: event.data.productLine, round: event.data.round, availableKg: event.data.availableKg, lines };
    }
    case 'AllocationAdjusted': {
      const line = context.lines[event.data.customerId];
      return line ? { ...context, lines: { ...context.lines, [event.data.customerId]: { ...line, allocatedKg: event.data.allocatedKg } } } : context;
    }
    case 'AllocationApproved':
      return { ...context, approved: { round: event.data.round, kgByCustomer: Object.fromEntries(Object.entries(context.lines).map(([id, l]) => [id, l.allocatedKg])) } };
    case 'AllocationReturned':
      return context;
  }
}

export const allocatedTotalKg = (context: AllocationContext): number => Object.values(context.lines).reduce((s, l) => s + l.allocatedKg, 0);

/**
 * R-ALLOC-2: a customer's kilograms in the allocation in force, or null when no round of the month
 * was approved (the month is then not allocated and pickups are not limited by it). A customer left
 * out of an approved allocation has 0.
 */
export const approvedKgOf = (context: AllocationContext, customerId: string): number | null =>
  context.approved ? (context.approved.kgByCustomer[customerId] ?? 0) : null;
