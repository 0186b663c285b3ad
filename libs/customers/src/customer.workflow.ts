import type { WorkflowDefinition } from '@crm/workflow-kit';
import { customerCommandSchemas, type CustomerCommand } from './customer.commands';
import type { CustomerContext } from './customer.context';
import { customerDeadlines } from './customer.deadlines';
import { customerArchiveCustomers } from './customer.customer-scope';
import { customerFiles } from './customer.files';
import { customerPeople } from './customer.people';
import { customerTasks } from './customer.tasks';
import { decideCustomer } from './customer.decider';
import { customerEventSchemas, type CustomerEvent } from './customer.events';
import { customerMachine } from './customer.machine';
import type { CustomerServices } from './customer.services';
import { CUSTOMER_VOCABULARY } from './customer.vocabulary';

/** The customer archive stream `customer-<customerId>`, from opening to its possible end. */
export const customerWorkflow: WorkflowDefinition<CustomerCommand, CustomerEvent, CustomerContext, CustomerServices> = {
  name: 'customer',
  version: '1',
  streamPrefix: 'customer',
  machine: customerMachine,
  commandSchemas: customerCommandSchemas,
  eventSchemas: customerEventSchemas,
  vocabulary: CUSTOMER_VOCABULARY,
  creationCommands: ['OpenCustomerArchive'],
  decide: decideCustomer,
  customersOf: customerArchiveCustomers,
  peopleOf: customerPeople,
  filesOf: customerFiles,
  deadlines: customerDeadlines,
  tasks: customerTasks,
  retryableOnConflict: ['RecordPickup', 'CorrectPickup', 'VoidPickup', 'EvaluateMonth', 'WarnDocumentExpiry', 'ExpireDocument', 'ExpireAgencyLicence', 'EndRenewalGrace', 'CheckSalesPlan'],
};
