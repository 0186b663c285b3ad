import { commandOf, decideOnWorkflow, replayEvents, type Actor, type AnyDomainEvent } from '@crm/workflow-kit';
import {
  addMonths, allocationWorkflow, DECLINE_POLICY_V1, keyAccountWorkflow, LOYALTY_POLICIES, type AllocationCommand, type AllocationDemand,
  type EvaluateKeyAccountMonth, type KeyAccountCommand,
} from '../src';

export const SCHEDULER: Actor = { id: 'system:evaluation', roles: [], system: true };
export const SALES: Actor = { id: 'sales-li', roles: ['sales_reviewer'] };
export const GM: Actor = { id: 'gm-zhou', roles: ['general_manager'] };
export const MANAGER: Actor = { id: 'cm-wang', roles: ['customer_manager'] };
export const at = (day: number) => `2026-07-${String(day).padStart(2, '0')}T01:00:00.000Z`;

/** Fifteen months of kilograms ending with `month`, oldest first. */
export function series(month: string, kg: number[]): Record<string, number> {
  return Object.fromEntries(kg.map((v, i) => [addMonths(month, i - kg.length + 1), v]));
}

export const evaluate = (data: Partial<EvaluateKeyAccountMonth> & { month: string; kgByMonth: Record<string, number> }, now = at(1)) =>
  commandOf<KeyAccountCommand>(
    'EvaluateKeyAccountMonth',
    {
      customerId: 'cust-1', abcClass: 'A', lastPickupDate: `${data.month}-20`, customerManagerId: 'cm-wang', declinePolicy: DECLINE_POLICY_V1,
      loyaltyPolicy: LOYALTY_POLICIES[0], ...data,
    },
    SCHEDULER,
    now,
  );

export const allocationCmd = <T extends AllocationCommand['type']>(type: T, data: Extract<AllocationCommand, { type: T }>['data'], actor: Actor, now = at(2)) =>
  commandOf<AllocationCommand>(type, data, actor, now);

export const demand = (customerId: string, salesObject: AllocationDemand['salesObject'], kg: number, completionRate: number | null = null, evenness: number | null = null): AllocationDemand => ({
  customerId, salesObject, kg, source: salesObject === 'exclusive_agent' ? 'sales_plan' : 'request', completionRate, evenness,
});

function run(workflow: typeof keyAccountWorkflow | typeof allocationWorkflow, commands: Array<KeyAccountCommand | AllocationCommand>): AnyDomainEvent[] {
  const events: AnyDomainEvent[] = [];
  for (const command of commands) {
    events.push(...decideOnWorkflow(workflow, replayEvents(workflow, events), events.length ? events.length - 1 : null, command, undefined).events);
  }
  return events;
}
export const keyAccountHistory = (commands: KeyAccountCommand[]) => run(keyAccountWorkflow, commands);
export const allocationHistory = (commands: AllocationCommand[]) => run(allocationWorkflow, commands);
