import { attachmentRefs, type WorkflowDefinition } from '@crm/workflow-kit';
import { visitReportTasks } from './visit-report.tasks';
import { visitReportCustomers } from './relationship.customer-scope';
import { visitReportCommandSchemas, type VisitReportCommand } from './visit-report.commands';
import type { VisitReportContext, VisitReportServices } from './visit-report.context';
import { decideVisitReport } from './visit-report.decider';
import { visitReportEventSchemas, visitReportEventSchemaVersions, type VisitReportEvent } from './visit-report.events';
import { upcastVisitReportEvent } from './visit-report.upcast';
import { visitReportMachine } from './visit-report.machine';
import { VISIT_REPORT_VOCABULARY } from './visit-report.vocabulary';

/** One stream per report, `visit-report-<reportId>`. Version 2 (ADR 0025): the form's header and signature. */
export const visitReportWorkflow: WorkflowDefinition<VisitReportCommand, VisitReportEvent, VisitReportContext, VisitReportServices> = {
  name: 'visit-report',
  version: '2',
  streamPrefix: 'visit-report',
  machine: visitReportMachine,
  commandSchemas: visitReportCommandSchemas,
  eventSchemas: visitReportEventSchemas,
  vocabulary: VISIT_REPORT_VOCABULARY,
  eventSchemaVersions: visitReportEventSchemaVersions,
  upcast: upcastVisitReportEvent,
  creationCommands: ['SubmitVisitReport'],
  tasks: visitReportTasks,
  decide: decideVisitReport,
  customersOf: visitReportCustomers,
  filesOf: (command) => (command.type === 'SubmitVisitReport' ? attachmentRefs(command.data.attachments) : []),
};
