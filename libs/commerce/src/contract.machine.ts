import { assign, setup } from 'xstate';
import { type ContractContext, evolveContract, INITIAL_CONTRACT_CONTEXT } from './contract.context';
import type { ContractEvent } from './contract.events';

type Args = { context: ContractContext; event: ContractEvent };

export const contractGuards = {
  /** the person who drafted a contract does not approve it */
  notTheDrafter: ({ context, event }: Args) => event.type === 'ContractApproved' && event.data.by !== context.draftedBy,
  forItsOwnEnd: ({ context, event }: Args) => (event.type === 'ContractExpired' || event.type === 'ContractExpiryWarned') && event.data.validUntil === context.validUntil,
};

const contract = setup({
  types: { context: {} as ContractContext, events: {} as ContractEvent },
  guards: contractGuards,
  actions: { evolve: assign(({ context, event }) => evolveContract(context, event)) },
});

/** `sales-contract-<id>`: drafted by the sales department, approved by a leader, signed, in force until it expires or ends. */
export const contractMachine = contract.createMachine({
  id: 'sales-contract',
  initial: 'none',
  context: INITIAL_CONTRACT_CONTEXT,
  states: {
    none: { on: { ContractDrafted: { target: 'drafted', actions: 'evolve' } } },
    drafted: { on: { ContractApproved: { guard: 'notTheDrafter', target: 'approved', actions: 'evolve' }, ContractTerminated: { target: 'terminated', actions: 'evolve' } } },
    approved: { on: { ContractSigned: { target: 'inForce', actions: 'evolve' }, ContractTerminated: { target: 'terminated', actions: 'evolve' } } },
    inForce: {
      on: {
        ContractExpiryWarned: { guard: 'forItsOwnEnd', actions: 'evolve' },
        ContractExpired: { guard: 'forItsOwnEnd', target: 'expired', actions: 'evolve' },
        ContractTerminated: { target: 'terminated', actions: 'evolve' },
      },
    },
    expired: { type: 'final' },
    terminated: { type: 'final' },
  },
});
