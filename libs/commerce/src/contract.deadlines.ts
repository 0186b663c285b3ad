import type { DeadlineSpec, WorkflowState } from '@crm/workflow-kit';
import type { ContractContext } from './contract.context';

/** Warned this many days before the last day (as qualification documents are, R-ARC-4). */
export const CONTRACT_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;
const startOfDay = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

/** A contract in force is warned before it ends and expires after its last day (Beijing). */
export function contractDeadlines(state: WorkflowState<ContractContext>): DeadlineSpec[] {
  const { validUntil, warned } = state.context;
  if (state.state !== 'inForce' || !validUntil) return [];
  const data = { validUntil };
  const expiry = { key: 'contract-expiry', dueAt: new Date(startOfDay(validUntil) + DAY_MS).toISOString(), command: { type: 'ExpireContract', data } };
  if (warned) return [expiry];
  return [{ key: 'contract-warning', dueAt: new Date(startOfDay(validUntil) - CONTRACT_WARNING_DAYS * DAY_MS).toISOString(), command: { type: 'WarnContractExpiry', data } }, expiry];
}
