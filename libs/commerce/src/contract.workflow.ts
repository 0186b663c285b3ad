import type { CustomerRef, FileRef, WorkflowDefinition } from '@crm/workflow-kit';
import { contractCommandSchemas, type ContractCommand } from './contract.commands';
import type { ContractContext } from './contract.context';
import { contractDeadlines } from './contract.deadlines';
import { decideContract } from './contract.decider';
import { contractEventSchemas, type ContractEvent } from './contract.events';
import { contractMachine } from './contract.machine';
import { contractTasks } from './contract.tasks';
import { CONTRACT_VOCABULARY } from './contract.vocabulary';

const customers = (command: ContractCommand, state: { context: ContractContext }): CustomerRef[] => {
  const id = command.type === 'DraftContract' ? command.data.customerId : state.context.customerId;
  return id ? [{ customerId: id, ...(command.type === 'DraftContract' ? { field: 'customerId' } : {}) }] : [];
};

/** 保管合同文本: the signed text named by a signature must be a file in the store (the engine's file guard). */
const files = (command: ContractCommand): FileRef[] => (command.type === 'SignContract' && command.data.file ? [{ file: command.data.file, field: 'file' }] : []);

/** One stream per contract, `sales-contract-<contractId>`; the text itself is kept as a file (ADR 0018). */
export const contractWorkflow: WorkflowDefinition<ContractCommand, ContractEvent, ContractContext> = {
  name: 'sales-contract',
  version: '1',
  streamPrefix: 'sales-contract',
  machine: contractMachine,
  commandSchemas: contractCommandSchemas,
  eventSchemas: contractEventSchemas,
  vocabulary: CONTRACT_VOCABULARY,
  creationCommands: ['DraftContract'],
  decide: (command, state) => decideContract(command, state),
  deadlines: contractDeadlines,
  customersOf: customers,
  filesOf: files,
  tasks: contractTasks,
  retryableOnConflict: ['WarnContractExpiry', 'ExpireContract'],
};
