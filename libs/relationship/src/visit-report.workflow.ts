import { attachmentRefs, type WorkflowDefinition } from '@crm/workflow-kit';
import { visitReportTasks } from './visit-report.tasks';
import { visitReportCustomers } from './relationship.customer-scope';
import { visitReportCommandSchemas, type VisitReportCommand } from './visit-report.commands';
import type { VisitReportContext, VisitReportServices } from './visit-report.context';
import { decideVisitReport } from './visit-report.decider';
import { visitReportEventSchemas, type VisitReportEvent } from './visit-report.events';
import { visitReportMachine } from './visit-report.machine';
import { VISIT_REPORT_VOCABULARY } from './visit-report.vocabulary';

/** One stream per report, `visit-report-<reportId>`. */
export const visitReportWorkflow: WorkflowDefinition<VisitReportCommand, VisitReportEvent, VisitReportContext, VisitReportServices> = {
  name: 'visit-report',
  version: '1',
  streamPrefix: 'visit-report',
  machine: visitReportMachine,
  commandSchemas: visitReportCommandSchemas,
  eventSchemas: visitReportEventSchemas,
  vocabulary: VISIT_REPORT_VOCABULARY,
  creationCommands: ['SubmitVisitReport'],
  tasks: visitReportTasks,
  decide: decideVisitReport,
  customersOf: visitReportCustomers,
  filesOf: (command) => (command.type === 'SubmitVisitReport' ? attachmentRefs(command.data.attachments) : []),
};
