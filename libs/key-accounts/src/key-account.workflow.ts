import type { WorkflowDefinition } from '@crm/workflow-kit';
import { keyAccountCommandSchemas, type KeyAccountCommand } from './key-account.commands';
import type { KeyAccountContext } from './key-account.context';
import { decideKeyAccount } from './key-account.decider';
import { keyAccountEventSchemas, type KeyAccountEvent } from './key-account.events';
import { keyAccountMachine } from './key-account.machine';
import { KEY_ACCOUNT_VOCABULARY } from './key-account.vocabulary';

/** `key-account-<customerId>`: a ledger that starts with the first warning or level and lives on. */
export const keyAccountWorkflow: WorkflowDefinition<KeyAccountCommand, KeyAccountEvent, KeyAccountContext, void> = {
  name: 'key-account',
  version: '1',
  streamPrefix: 'key-account',
  machine: keyAccountMachine,
  commandSchemas: keyAccountCommandSchemas,
  eventSchemas: keyAccountEventSchemas,
  vocabulary: KEY_ACCOUNT_VOCABULARY,
  creationCommands: [],
  openOrContinueCommands: ['EvaluateKeyAccountMonth'],
  decide: decideKeyAccount,
  // the evaluation reads fresh figures each time: re-deciding against a newer stream is safe
  retryableOnConflict: ['EvaluateKeyAccountMonth'],
};
