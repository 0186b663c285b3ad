import type { PersonRef } from '@crm/workflow-kit';
import type { CustomerCommand } from './customer.commands';

/**
 * R-KAM-2 (客户经理制): a customer changes hands only to an active customer manager. (The manager an
 * archive opens with was checked by onboarding up to the general manager's approval: the opening
 * itself is the onboarding system's and must not fail after the approval. An archive brought in by
 * an import went through no onboarding, so its manager is checked as it opens.)
 */
export function customerPeople(command: CustomerCommand): PersonRef[] {
  const part = (userId: string, field: string): PersonRef => ({ userId, roles: ['customer_manager'], field, ruleId: 'R-KAM-2' });
  if (command.type === 'OpenCustomerArchive' && command.meta.importedFrom) return [part(command.data.customerManagerId, 'customerManagerId')];
  if (command.type === 'ChangeCustomerInformation' && command.data.changes.customerManagerId) {
    return [part(command.data.changes.customerManagerId, 'changes.customerManagerId')];
  }
  return [];
}
