import type { WorkflowDefinition } from '@crm/workflow-kit';
import { visitPlanTasks } from './visit-plan.tasks';
import { visitPlanCustomers } from './relationship.customer-scope';
import { visitPlanCommandSchemas, type VisitPlanCommand } from './visit-plan.commands';
import type { VisitPlanContext } from './visit-plan.context';
import { decideVisitPlan } from './visit-plan.decider';
import { visitPlanEventSchemas, type VisitPlanEvent } from './visit-plan.events';
import { visitPlanMachine } from './visit-plan.machine';
import { VISIT_PLAN_VOCABULARY } from './visit-plan.vocabulary';

/** One stream per manager and year, `visit-plan-<planId>`. */
export const visitPlanWorkflow: WorkflowDefinition<VisitPlanCommand, VisitPlanEvent, VisitPlanContext> = {
  name: 'visit-plan',
  version: '1',
  streamPrefix: 'visit-plan',
  machine: visitPlanMachine,
  commandSchemas: visitPlanCommandSchemas,
  eventSchemas: visitPlanEventSchemas,
  vocabulary: VISIT_PLAN_VOCABULARY,
  creationCommands: ['DraftVisitPlan'],
  tasks: visitPlanTasks,
  decide: (command, state) => decideVisitPlan(command, state),
  customersOf: visitPlanCustomers,
};
