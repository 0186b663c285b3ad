import type { WorkflowDefinition } from '@crm/workflow-kit';
import { prospectCommandSchemas, type ProspectCommand } from './prospect.commands';
import type { ProspectContext } from './prospect.context';
import { decideProspect } from './prospect.decider';
import { prospectEventSchemas, type ProspectEvent } from './prospect.events';
import { prospectMachine } from './prospect.machine';
import { PROSPECT_VOCABULARY } from './prospect.vocabulary';
import type { ProspectServices } from './prospect.services';

/** One stream per prospect, `prospect-<prospectId>`, from registration to conversion or drop. */
export const prospectWorkflow: WorkflowDefinition<ProspectCommand, ProspectEvent, ProspectContext, ProspectServices | undefined> = {
  name: 'prospect',
  version: '1',
  streamPrefix: 'prospect',
  machine: prospectMachine,
  commandSchemas: prospectCommandSchemas,
  eventSchemas: prospectEventSchemas,
  vocabulary: PROSPECT_VOCABULARY,
  creationCommands: ['RegisterProspect'],
  decide: (command, state, services) => decideProspect(command, state, services),
};
