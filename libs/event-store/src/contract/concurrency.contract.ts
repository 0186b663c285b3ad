import { WrongExpectedRevisionError } from '../event-store.errors';
import type { EventStore, NewEvent } from '../event-store.port';
import { type ContractContext, newEvent, newEvents, streamName } from './contract.fixtures';

const WRITERS = 20;

export function concurrencyContract(ctx: ContractContext): void {
  describe('writers racing on one stream', () => {
    it(`${WRITERS} appends with the same exact revision: exactly one wins`, async () => {
      const stream = streamName();
      await ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' });
      const batches = Array.from({ length: WRITERS }, () => newEvents(2));
      const outcomes = await Promise.allSettled(
        batches.map((batch) => ctx.store.appendToStream(stream, batch, { expectedRevision: 0 })),
      );
      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) {
        expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(o.reason).toMatchObject({ expected: 0, actual: 2 });
      }
      const stored = await ctx.store.readStream(stream);
      expect(stored.map((e) => e.id).slice(1)).toEqual(batches[winners[0]].map((e) => e.id));
    });

    it(`${WRITERS} creations with no_stream: exactly one wins`, async () => {
      const stream = streamName();
      const outcomes = await Promise.allSettled(
        Array.from({ length: WRITERS }, () => ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(await ctx.store.readStream(stream)).toHaveLength(1);
    });

    it(`${WRITERS} appends with any: all kept, each once, revisions contiguous`, async () => {
      const stream = streamName();
      const events = newEvents(WRITERS);
      await Promise.all(events.map((e) => ctx.store.appendToStream(stream, [e], { expectedRevision: 'any' })));
      const stored = await ctx.store.readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expect(new Set(stored.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
    });

    it('writers retrying on conflict: one winner per revision, nothing lost or duplicated', async () => {
      const stream = streamName();
      const perWriter = 3;
      const written = Array.from({ length: 8 }, () => newEvents(perWriter));
      await Promise.all(written.map((events) => appendEachWithRetry(ctx.store, stream, events)));
      const stored = await ctx.store.readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 8 * perWriter }, (_, i) => i));
      const ids = stored.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(written.flat().map((e) => e.id)));
      const positions = stored.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });
  });
}

/** The optimistic loop every command handler runs: read the revision, append at it, retry on conflict. */
async function appendEachWithRetry(store: EventStore, stream: string, events: NewEvent[]): Promise<void> {
  for (const event of events) {
    for (;;) {
      const revision = await store.streamRevision(stream);
      try {
        await store.appendToStream(stream, [event], { expectedRevision: revision ?? 'no_stream' });
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
}
