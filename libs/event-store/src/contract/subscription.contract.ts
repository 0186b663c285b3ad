import type { StoredEvent, Subscription } from '../event-store.port';
import { type ContractContext, newEvents, streamName } from './contract.fixtures';

export function subscriptionContract(ctx: ContractContext): void {
  describe('catch-up subscription to the global order', () => {
    let subscription: Subscription | undefined;
    afterEach(async () => {
      await subscription?.stop();
      subscription = undefined;
    });

    it('replays after the checkpoint, then goes live, losing and repeating nothing', async () => {
      const stream = streamName();
      const head = await ctx.store.headPosition();
      await ctx.store.appendToStream(stream, newEvents(5));
      const [, second] = await ctx.store.readAll({ fromPosition: head });
      const seen: StoredEvent[] = [];
      let appendedDuringCatchUp = false;
      subscription = ctx.store.subscribeToAll(
        async (event) => {
          seen.push(event);
          if (!appendedDuringCatchUp) {
            appendedDuringCatchUp = true;
            await ctx.store.appendToStream(stream, newEvents(3));
          }
        },
        { fromPosition: second.position },
      );
      await subscription.waitFor(second.position + 1);
      const live = await ctx.store.appendToStream(streamName(), newEvents(2));
      await subscription.waitFor(live.position);
      const expected = await ctx.store.readAll({ fromPosition: second.position });
      expect(expected).toHaveLength(3 + 3 + 2);
      expect(seen.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      expect(seen).toEqual(expected);
    });

    it('delivers appends made while it is live, in order, once', async () => {
      const head = await ctx.store.headPosition();
      const seen: number[] = [];
      subscription = ctx.store.subscribeToAll((event) => void seen.push(event.position), { fromPosition: head });
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await ctx.store.appendToStream(streamName(), newEvents(1 + (i % 3))));
      await subscription.waitFor(results[4].position);
      const expected = (await ctx.store.readAll({ fromPosition: head })).map((e) => e.position);
      expect(expected).toHaveLength(1 + 2 + 3 + 1 + 2);
      expect(seen).toEqual(expected);
    });

    it('onCommitted signals a commit through the store by the time the append resolves, reading nothing, and stops once unregistered', async () => {
      const reads = [jest.spyOn(ctx.store, 'readAll'), jest.spyOn(ctx.store, 'readStream')];
      try {
        let signals = 0;
        const unlisten = ctx.store.onCommitted(() => void signals++);
        await ctx.store.appendToStream(streamName(), newEvents(2));
        expect(signals).toBeGreaterThan(0);
        expect(reads.map((r) => r.mock.calls.length)).toEqual([0, 0]);
        unlisten();
        const after = signals;
        await ctx.store.appendToStream(streamName(), newEvents(1));
        expect(signals).toBe(after);
      } finally {
        reads.forEach((r) => r.mockRestore());
      }
    });

    it('waitFor resolves at once for a handled position and rejects when it cannot be reached', async () => {
      const head = await ctx.store.headPosition();
      const result = await ctx.store.appendToStream(streamName(), newEvents(1));
      subscription = ctx.store.subscribeToAll(() => undefined, { fromPosition: head });
      await subscription.waitFor(result.position);
      await expect(subscription.waitFor(result.position)).resolves.toBeUndefined();
      await expect(subscription.waitFor(result.position + 1_000_000, 50)).rejects.toThrow(/did not reach/);
    });

    it('a throwing handler stops the subscription and reports through onError', async () => {
      const head = await ctx.store.headPosition();
      const result = await ctx.store.appendToStream(streamName(), newEvents(2));
      const errors: Error[] = [];
      const calls: number[] = [];
      subscription = ctx.store.subscribeToAll(
        (event) => {
          calls.push(event.position);
          throw new Error('projection failed');
        },
        { fromPosition: head, onError: (e) => errors.push(e) },
      );
      await expect(subscription.waitFor(result.position)).rejects.toThrow('projection failed');
      expect(errors.map((e) => e.message)).toEqual(['projection failed']);
      expect(calls).toHaveLength(1);
    });
  });
}
