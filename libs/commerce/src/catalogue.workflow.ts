import type { WorkflowDefinition } from '@crm/workflow-kit';
import { catalogueCommandSchemas, type CatalogueCommand } from './catalogue.commands';
import type { CatalogueContext } from './catalogue.context';
import { decideCatalogue } from './catalogue.decider';
import { catalogueEventSchemas, type CatalogueEvent } from './catalogue.events';
import { catalogueMachine } from './catalogue.machine';
import { CATALOGUE_VOCABULARY } from './catalogue.vocabulary';

export const CATALOGUE_ID = 'company';

/** `commercial-catalogue-company`: one stream, started on first use and kept for good. */
export const catalogueWorkflow: WorkflowDefinition<CatalogueCommand, CatalogueEvent, CatalogueContext> = {
  name: 'commercial-catalogue',
  version: '1',
  streamPrefix: 'commercial-catalogue',
  machine: catalogueMachine,
  commandSchemas: catalogueCommandSchemas,
  eventSchemas: catalogueEventSchemas,
  vocabulary: CATALOGUE_VOCABULARY,
  creationCommands: [],
  openOrContinueCommands: ['DefineProductLine', 'DesignateWarehouse', 'WithdrawWarehouse'],
  decide: (command, state) => decideCatalogue(command, state),
};
