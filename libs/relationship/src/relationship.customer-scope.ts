import type { CustomerRef, WorkflowState } from '@crm/workflow-kit';
import type { SurveyCommand } from './survey.commands';
import type { VisitPlanCommand } from './visit-plan.commands';
import type { VisitReportCommand } from './visit-report.commands';
import type { VisitReportContext } from './visit-report.context';

/** R-VISIT-1: a plan names the customers to visit; each must exist and be the planning manager's own (R-KAM-2). */
export function visitPlanCustomers(command: VisitPlanCommand): CustomerRef[] {
  if (command.type !== 'DraftVisitPlan' && command.type !== 'ReviseVisitPlan') return [];
  return command.data.items.map((item, index) => ({ customerId: item.customerId, field: `items.${index}.customerId` }));
}

/** A visit report is about the customer visited. */
export function visitReportCustomers(command: VisitReportCommand, state: WorkflowState<VisitReportContext>): CustomerRef[] {
  if (command.type === 'SubmitVisitReport') return [{ customerId: command.data.customerId, field: 'customerId' }];
  return state.context.customerId ? [{ customerId: state.context.customerId }] : [];
}

/** R-SURV-1: each response is one customer's answer. */
export function surveyCustomers(command: SurveyCommand): CustomerRef[] {
  return command.type === 'RecordSurveyResponse' ? [{ customerId: command.data.customerId, field: 'customerId' }] : [];
}
