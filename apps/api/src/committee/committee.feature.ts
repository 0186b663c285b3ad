import { catalogueWorkflow, contractWorkflow, priceBookWorkflow } from '@crm/commerce';
import { charterWorkflow, proposalWorkflow, type ProposalServices, violationWorkflow } from '@crm/committee';
import type { ApiFeature } from '../feature';
import { CommitteeModule } from './committee.module';
import { committeeProjection } from './committee.projection';
import { contractsProjection } from './contracts.projection';

/** Submissions read their facts first and bring them per command; other commands need none. */
const NO_FACTS: ProposalServices = { charter: null, isDesignated: () => false, priceFenAt: () => null };

export const feature: ApiFeature = {
  module: CommitteeModule,
  workflows: (registry) => {
    registry.register(charterWorkflow, undefined);
    registry.register(proposalWorkflow, NO_FACTS);
    registry.register(violationWorkflow, { charter: null });
    registry.register(catalogueWorkflow, undefined);
    registry.register(priceBookWorkflow, undefined);
    registry.register(contractWorkflow, undefined);
  },
  projections: () => [committeeProjection, contractsProjection],
};
