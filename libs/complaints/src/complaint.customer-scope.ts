import type { CustomerRef, WorkflowState } from '@crm/workflow-kit';
import type { ComplaintCommand } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';

/** A complaint is about one customer: the one it is recorded for (which must exist), then the one in its record. */
export function complaintCustomers(command: ComplaintCommand, state: WorkflowState<ComplaintContext>): CustomerRef[] {
  if (command.type === 'RecordComplaint') return [{ customerId: command.data.customerId, field: 'customerId' }];
  return state.context.customerId ? [{ customerId: state.context.customerId }] : [];
}
