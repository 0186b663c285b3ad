import { badInputContract, expectedRevisionContract, idempotencyContract } from './contract/append.contract';
import { concurrencyContract } from './contract/concurrency.contract';
import type { ContractContext } from './contract/contract.fixtures';
import { payloadContract } from './contract/payload.contract';
import { readAllContract, readStreamContract } from './contract/read.contract';
import { subscriptionContract } from './contract/subscription.contract';
import type { EventStore } from './event-store.port';

export interface ContractSubject {
  store: EventStore;
  teardown(): Promise<void>;
}

/**
 * The one suite every adapter must pass unchanged (run it from the adapter's spec).
 * Tests use fresh stream names and relative positions, so the factory may hand out stores that
 * share one database; it is called before each test and torn down after it.
 */
export function eventStoreContract(name: string, factory: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    const ctx: ContractContext = {
      get store() {
        if (!subject) throw new Error('the contract store is not set up');
        return subject.store;
      },
    };
    beforeEach(async () => {
      subject = await factory();
    });
    afterEach(async () => {
      await subject?.teardown();
      subject = undefined;
    });

    it('answers ping', async () => {
      expect(await ctx.store.ping()).toBe(true);
    });
    expectedRevisionContract(ctx);
    idempotencyContract(ctx);
    concurrencyContract(ctx);
    readStreamContract(ctx);
    readAllContract(ctx);
    payloadContract(ctx);
    subscriptionContract(ctx);
    badInputContract(ctx);
  });
}
