import { allocationWorkflow, customerReviewWorkflow, keyAccountWorkflow } from '@crm/key-accounts';
import type { ApiFeature } from '../feature';
import { keyAccountProjections } from './key-account-projections';
import { KeyAccountsModule } from './key-accounts.module';

/** Key accounts and resource allocation: two workflows (ledger per customer, proposal per month), three read models. */
export const feature: ApiFeature = {
  module: KeyAccountsModule,
  workflows: (registry) => {
    registry.register(keyAccountWorkflow, undefined);
    registry.register(allocationWorkflow, undefined);
    registry.register(customerReviewWorkflow, undefined);
  },
  projections: keyAccountProjections,
};
