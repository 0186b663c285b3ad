import type { CustomerRef, WorkflowState } from '@crm/workflow-kit';
import type { CustomerCommand } from './customer.commands';
import type { CustomerContext } from './customer.context';

/** Every command on an archive concerns that customer (the opening is the onboarding system's). */
export function customerArchiveCustomers(_command: CustomerCommand, state: WorkflowState<CustomerContext>): CustomerRef[] {
  return state.context.customerId ? [{ customerId: state.context.customerId }] : [];
}
