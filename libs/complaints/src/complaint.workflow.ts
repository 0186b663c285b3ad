import { attachmentRefs, type WorkflowDefinition } from '@crm/workflow-kit';
import { complaintCommandSchemas, type ComplaintCommand } from './complaint.commands';
import type { ComplaintContext } from './complaint.context';
import { complaintDeadlines } from './complaint.deadlines';
import { complaintCustomers } from './complaint.customer-scope';
import { complaintPeople } from './complaint.people';
import { complaintTasks } from './complaint.tasks';
import { decideComplaint } from './complaint.decider';
import { complaintEventSchemas, complaintEventSchemaVersions, type ComplaintEvent } from './complaint.events';
import { complaintMachine } from './complaint.machine';
import type { ComplaintServices } from './complaint.services';
import { upcastComplaintEvent } from './complaint.upcast';
import { COMPLAINT_VOCABULARY } from './complaint.vocabulary';

/** One stream per complaint, `complaint-<complaintId>`, from its record to its close. */
export const complaintWorkflow: WorkflowDefinition<ComplaintCommand, ComplaintEvent, ComplaintContext, ComplaintServices> = {
  name: 'complaint',
  version: '1',
  streamPrefix: 'complaint',
  machine: complaintMachine,
  commandSchemas: complaintCommandSchemas,
  eventSchemas: complaintEventSchemas,
  eventSchemaVersions: complaintEventSchemaVersions,
  upcast: upcastComplaintEvent,
  vocabulary: COMPLAINT_VOCABULARY,
  creationCommands: ['RecordComplaint'],
  decide: decideComplaint,
  customersOf: complaintCustomers,
  filesOf: (command) => (command.type === 'RecordSpecialMeetingDecision' ? attachmentRefs(command.data.attachments) : []),
  peopleOf: complaintPeople,
  deadlines: complaintDeadlines,
  tasks: complaintTasks,
  // timer firings re-decide safely: a stale one becomes a no-op against fresher state
  retryableOnConflict: ['WarnSla', 'MarkSlaBreached'],
};
