import { chainHash, GENESIS_HASH } from '../append-rules';
import { type ContractContext, asWritten, newEvent, newEvents, streamName } from './contract.fixtures';

export function readStreamContract(ctx: ContractContext): void {
  describe('readStream', () => {
    it('returns every field the writer gave plus stream, revision, position, recordedAt and hash', async () => {
      const stream = streamName();
      const event = newEvent('CustomerRegistered', { name: 'Acme', credit: 12.5, tags: ['a'], vip: false, note: null });
      const result = await ctx.store.appendToStream(stream, [event]);
      const [stored] = await ctx.store.readStream(stream);
      expect(stored).toMatchObject({ ...asWritten(event), streamId: stream, revision: 0, position: result.position });
      expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
      expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads forwards from a revision with a maximum count', async () => {
      const stream = streamName();
      const events = newEvents(6);
      await ctx.store.appendToStream(stream, events);
      const revisions = async (o: object) => (await ctx.store.readStream(stream, o)).map((e) => e.revision);
      expect(await revisions({})).toEqual([0, 1, 2, 3, 4, 5]);
      expect(await revisions({ from: 2 })).toEqual([2, 3, 4, 5]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ from: 3, maxCount: 2, direction: 'forwards' })).toEqual([3, 4]);
      expect(await revisions({ from: 9 })).toEqual([]);
    });

    it('reads backwards from the end or from a revision', async () => {
      const stream = streamName();
      await ctx.store.appendToStream(stream, newEvents(5));
      const revisions = async (o: object) =>
        (await ctx.store.readStream(stream, { direction: 'backwards', ...o })).map((e) => e.revision);
      expect(await revisions({})).toEqual([4, 3, 2, 1, 0]);
      expect(await revisions({ maxCount: 2 })).toEqual([4, 3]);
      expect(await revisions({ from: 2 })).toEqual([2, 1, 0]);
      expect(await revisions({ from: 3, maxCount: 2 })).toEqual([3, 2]);
    });

    it('a missing stream reads as empty and has no revision', async () => {
      const stream = streamName();
      expect(await ctx.store.readStream(stream)).toEqual([]);
      expect(await ctx.store.readStream(stream, { direction: 'backwards' })).toEqual([]);
      expect(await ctx.store.streamRevision(stream)).toBeNull();
    });
  });
}

export function readAllContract(ctx: ContractContext): void {
  describe('readAll and the global order', () => {
    it('interleaved streams come back in commit order with increasing positions', async () => {
      const [a, b] = [streamName('a'), streamName('b')];
      const head = await ctx.store.headPosition();
      const order = [newEvent(), newEvent(), newEvent(), newEvent()];
      await ctx.store.appendToStream(a, [order[0]]);
      await ctx.store.appendToStream(b, [order[1], order[2]]);
      const last = await ctx.store.appendToStream(a, [order[3]]);
      const all = await ctx.store.readAll({ fromPosition: head });
      expect(all.map((e) => e.id)).toEqual(order.map((e) => e.id));
      expect(all.map((e) => e.streamId)).toEqual([a, b, b, a]);
      expect(all.every((e, i) => i === 0 || e.position > all[i - 1].position)).toBe(true);
      expect(all[0].position).toBeGreaterThan(head);
      expect(last.position).toBe(all[3].position);
      expect(await ctx.store.headPosition()).toBe(last.position);
    });

    it('fromPosition is exclusive and maxCount limits the page', async () => {
      const head = await ctx.store.headPosition();
      await ctx.store.appendToStream(streamName(), newEvents(5));
      const all = await ctx.store.readAll({ fromPosition: head });
      expect(all).toHaveLength(5);
      const page = await ctx.store.readAll({ fromPosition: all[1].position, maxCount: 2 });
      expect(page.map((e) => e.id)).toEqual([all[2].id, all[3].id]);
      expect(await ctx.store.readAll({ fromPosition: all[4].position })).toEqual([]);
    });

    it('readStream and readAll agree on every event', async () => {
      const stream = streamName();
      const head = await ctx.store.headPosition();
      await ctx.store.appendToStream(stream, newEvents(3));
      expect(await ctx.store.readAll({ fromPosition: head })).toEqual(await ctx.store.readStream(stream));
    });

    it('headPosition and streamRevision follow appends', async () => {
      const stream = streamName();
      const before = await ctx.store.headPosition();
      expect(before).toBeGreaterThanOrEqual(0);
      const result = await ctx.store.appendToStream(stream, newEvents(2));
      expect(await ctx.store.headPosition()).toBe(result.position);
      expect(result.position).toBeGreaterThan(before);
      expect(await ctx.store.streamRevision(stream)).toBe(1);
    });
  });

  describe('hash chain', () => {
    it('each event hashes its predecessor in the stream, across appends', async () => {
      const stream = streamName();
      const events = newEvents(4);
      await ctx.store.appendToStream(stream, events.slice(0, 1));
      await ctx.store.appendToStream(stream, events.slice(1));
      const stored = await ctx.store.readStream(stream);
      let previous = GENESIS_HASH;
      stored.forEach((e, i) => {
        expect(e.hash).toBe(chainHash(previous, stream, i, events[i]));
        previous = e.hash;
      });
    });
  });
}
