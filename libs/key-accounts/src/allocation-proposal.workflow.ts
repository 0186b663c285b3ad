import type { WorkflowDefinition } from '@crm/workflow-kit';
import { allocationTasks } from './allocation-proposal.tasks';
import { allocationCommandSchemas, type AllocationCommand } from './allocation-proposal.commands';
import type { AllocationContext } from './allocation-proposal.context';
import { decideAllocation } from './allocation-proposal.decider';
import { allocationEventSchemas, type AllocationEvent } from './allocation-proposal.events';
import { allocationMachine } from './allocation-proposal.machine';
import { ALLOCATION_VOCABULARY } from './allocation-proposal.vocabulary';

/** One stream per product line and month, `resource-allocation-<line>-<YYYY-MM>` (before product lines: `resource-allocation-<YYYY-MM>`). */
export const allocationWorkflow: WorkflowDefinition<AllocationCommand, AllocationEvent, AllocationContext, void> = {
  name: 'resource-allocation',
  version: '1',
  streamPrefix: 'resource-allocation',
  machine: allocationMachine,
  commandSchemas: allocationCommandSchemas,
  eventSchemas: allocationEventSchemas,
  vocabulary: ALLOCATION_VOCABULARY,
  creationCommands: ['ProposeAllocation'],
  tasks: allocationTasks,
  openOrContinueCommands: ['ProposeAllocation'],
  decide: decideAllocation,
};
