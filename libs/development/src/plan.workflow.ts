import { planTasks } from './plan.tasks';
import type { WorkflowDefinition } from '@crm/workflow-kit';
import { planCommandSchemas, type PlanCommand } from './plan.commands';
import type { PlanContext } from './plan.context';
import { planDeadlines } from './plan.deadlines';
import { decidePlan } from './plan.decider';
import { planEventSchemas, type PlanEvent } from './plan.events';
import { planMachine } from './plan.machine';
import { DEVELOPMENT_PLAN_VOCABULARY } from './plan.vocabulary';
import { planPeople } from './plan.people';

/** One stream per plan, `development-plan-<planId>`, from draft to rejection or its deadline. */
export const developmentPlanWorkflow: WorkflowDefinition<PlanCommand, PlanEvent, PlanContext, unknown> = {
  name: 'development-plan',
  version: '1',
  streamPrefix: 'development-plan',
  machine: planMachine,
  commandSchemas: planCommandSchemas,
  eventSchemas: planEventSchemas,
  vocabulary: DEVELOPMENT_PLAN_VOCABULARY,
  creationCommands: ['DraftDevelopmentPlan'],
  decide: (command, state) => decidePlan(command, state),
  deadlines: planDeadlines,
  tasks: planTasks,
  // the timer firing re-decides safely: a stale one becomes a no-op against fresher state
  retryableOnConflict: ['MarkPlanDeadlinePassed', 'OpenDevelopmentAssessment', 'RecordTargetConversion'],
  peopleOf: planPeople,
};
