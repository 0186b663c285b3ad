import type { AllocationEvent } from './allocation-proposal.events';

export interface AllocationContext {
  month: string | null;
  round: number;
}
export const INITIAL_ALLOCATION_CONTEXT: AllocationContext = { month: null, round: 0 };

export function evolveAllocation(context: AllocationContext, event: AllocationEvent): AllocationContext {
  return event.type === 'AllocationProposed' ? { month: event.data.month, round: event.data.round } : context;
}
