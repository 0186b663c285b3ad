import type { WorkflowDefinition } from '@crm/workflow-kit';
import { proposalCommandSchemas, type ProposalCommand } from './proposal.commands';
import type { ProposalContext } from './proposal.context';
import { decideProposal } from './proposal.decider';
import { proposalEventSchemas, type ProposalEvent } from './proposal.events';
import { proposalMachine } from './proposal.machine';
import type { ProposalServices } from './proposal.services';
import { proposalTasks } from './proposal.tasks';
import { PROPOSAL_VOCABULARY } from './proposal.vocabulary';

/** One stream per proposal, `committee-proposal-<proposalId>`. */
export const proposalWorkflow: WorkflowDefinition<ProposalCommand, ProposalEvent, ProposalContext, ProposalServices> = {
  name: 'committee-proposal',
  // 2: policy proposals (R-PRICE-1 审议公司客户管理方案和机制)
  version: '2',
  streamPrefix: 'committee-proposal',
  machine: proposalMachine,
  commandSchemas: proposalCommandSchemas,
  eventSchemas: proposalEventSchemas,
  vocabulary: PROPOSAL_VOCABULARY,
  creationCommands: ['SubmitPriceProposal', 'SubmitPolicyProposal'],
  decide: decideProposal,
  tasks: proposalTasks,
};
