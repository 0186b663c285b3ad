import type { WorkflowDefinition } from '@crm/workflow-kit';
import { proposalCommandSchemas, type ProposalCommand } from './proposal.commands';
import type { ProposalContext } from './proposal.context';
import { decideProposal } from './proposal.decider';
import { proposalEventSchemas, type ProposalEvent } from './proposal.events';
import { proposalMachine } from './proposal.machine';
import type { ProposalServices } from './proposal.services';
import { proposalTasks } from './proposal.tasks';

/** One stream per proposal, `committee-proposal-<proposalId>`. */
export const proposalWorkflow: WorkflowDefinition<ProposalCommand, ProposalEvent, ProposalContext, ProposalServices> = {
  name: 'committee-proposal',
  version: '1',
  streamPrefix: 'committee-proposal',
  machine: proposalMachine,
  commandSchemas: proposalCommandSchemas,
  eventSchemas: proposalEventSchemas,
  creationCommands: ['SubmitPriceProposal'],
  decide: decideProposal,
  tasks: proposalTasks,
};
