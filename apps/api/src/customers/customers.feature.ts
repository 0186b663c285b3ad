import { customerWorkflow, DEFAULT_CUSTOMER_SERVICES } from '@crm/customers';
import type { ApiFeature } from '../feature';
import { CustomersModule } from './customers.module';
import { customerProjections } from './read-models/customer-projections';

export const feature: ApiFeature = {
  module: CustomersModule,
  workflows: (registry) => registry.register(customerWorkflow, DEFAULT_CUSTOMER_SERVICES),
  projections: customerProjections,
};
