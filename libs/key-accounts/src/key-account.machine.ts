import { assign, setup } from 'xstate';
import { evolveKeyAccount, INITIAL_KEY_ACCOUNT_CONTEXT, isNewWarningMonth, type KeyAccountContext } from './key-account.context';
import type { KeyAccountEvent } from './key-account.events';

type Ctx = { context: KeyAccountContext; event: KeyAccountEvent };
export const keyAccountGuards = {
  /** R-KAM-3: one warning per customer per month, and never for a month before one already warned (a late re-run of an old month) */
  isNewWarningMonth: ({ context, event }: Ctx) => event.type === 'KeyAccountWarningRaised' && isNewWarningMonth(context, event.data.month),
  /** a warning is cleared by the evaluation of its own month or a later one */
  clearsActiveWarning: ({ context, event }: Ctx) =>
    event.type === 'KeyAccountWarningCleared' && context.activeWarningMonth === event.data.warningMonth && event.data.month >= event.data.warningMonth,
  /** R-KAM-4: a level change changes the level */
  changesLevel: ({ context, event }: Ctx) =>
    event.type === 'LoyaltyLevelChanged' && event.data.previousLevel === context.loyaltyLevel && event.data.newLevel !== context.loyaltyLevel,
};

const keyAccount = setup({
  types: { context: {} as KeyAccountContext, events: {} as KeyAccountEvent },
  guards: keyAccountGuards,
  actions: { evolve: assign(({ context, event }) => evolveKeyAccount(context, event)) },
});

/**
 * One customer's key-account record (R-KAM-3/4), `key-account-<customerId>`: it starts with the
 * first warning or level and lives on. `warned` while a decline warning is open.
 */
export const keyAccountMachine = keyAccount.createMachine({
  id: 'key-account',
  initial: 'none',
  context: INITIAL_KEY_ACCOUNT_CONTEXT,
  states: {
    none: {
      on: {
        KeyAccountWarningRaised: { guard: 'isNewWarningMonth', actions: 'evolve', target: 'tracked.warned' },
        LoyaltyLevelChanged: { guard: 'changesLevel', actions: 'evolve', target: 'tracked.normal' },
      },
    },
    tracked: {
      on: { LoyaltyLevelChanged: { guard: 'changesLevel', actions: 'evolve' } },
      initial: 'normal',
      states: {
        normal: { on: { KeyAccountWarningRaised: { guard: 'isNewWarningMonth', actions: 'evolve', target: 'warned' } } },
        warned: {
          on: {
            KeyAccountWarningRaised: { guard: 'isNewWarningMonth', actions: 'evolve' },
            KeyAccountWarningCleared: { guard: 'clearsActiveWarning', actions: 'evolve', target: 'normal' },
          },
        },
      },
    },
  },
});
