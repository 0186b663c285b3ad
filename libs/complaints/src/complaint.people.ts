import type { PersonRef, WorkflowState } from '@crm/workflow-kit';
import type { ComplaintCommand } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';
import { ComplaintRule } from './complaint.rules';

/** R-CMP-2: the handler a resolution names is someone of the handling department (the complaint's policy's handler roles). */
export function complaintPeople(command: ComplaintCommand, state: WorkflowState<ComplaintContext>): PersonRef[] {
  if (command.type !== 'DraftResolution' || !state.context.policy) return [];
  return [{ userId: command.data.handler, roles: state.context.policy.handlerRoles, field: 'handler', ruleId: ComplaintRule.handling }];
}
