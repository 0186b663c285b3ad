import { DomainRuleViolation } from '@crm/workflow-kit';
import { toTonnes, type CustomerContext } from './customer.context';
import type { PrepaymentFacts } from './customer.services';

export const ALLOCATION_RULE = 'R-ALLOC-2';

/**
 * R-ALLOC-2 (资源量分配依据…): once the general manager approved the month's allocation for the
 * customer's product line, live pickups dated in the month may not exceed the customer's allocated
 * kilograms; a customer left out of the allocation has none. A month without an approved allocation
 * is not limited. Checked for a new pickup and for a correction that adds tonnes.
 */
export function assertWithinAllocation(context: CustomerContext, facts: PrepaymentFacts, month: string, addedKg: number): void {
  const line = context.productLine;
  if (addedKg <= 0 || !line) return;
  const allocatedKg = facts.allocatedKg(context.customerId ?? '', line, month);
  if (allocatedKg === null) return;
  const takenKg = context.monthKg[month] ?? 0;
  if (takenKg + addedKg <= allocatedKg) return;
  throw new DomainRuleViolation(
    ALLOCATION_RULE,
    `${month} ${line}: the approved allocation is ${toTonnes(allocatedKg)} t, ${toTonnes(takenKg)} t are already picked up; ${toTonnes(addedKg)} t more exceed it by ${toTonnes(takenKg + addedKg - allocatedKg)} t (amend the allocation first)`,
    'data.tonnes',
  );
}
