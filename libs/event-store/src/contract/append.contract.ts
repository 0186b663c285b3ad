import { InvalidAppendError } from '../event-store.errors';
import type { NewEvent } from '../event-store.port';
import { type ContractContext, expectConflict, newEvent, newEvents, streamName } from './contract.fixtures';

export function expectedRevisionContract(ctx: ContractContext): void {
  describe('expected revision', () => {
    it('no_stream creates a stream whose revisions start at 0', async () => {
      const stream = streamName();
      const result = await ctx.store.appendToStream(stream, newEvents(3), { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2);
      expect(await ctx.store.streamRevision(stream)).toBe(2);
    });

    it('the result carries the batch as stored (revisions, positions, recordedAt, hashes), as readStream returns it', async () => {
      const stream = streamName();
      const opened = await ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' });
      expect(opened.events).toEqual(await ctx.store.readStream(stream));
      const batch = newEvents(3);
      const result = await ctx.store.appendToStream(stream, batch, { expectedRevision: 0 });
      const stored = await ctx.store.readStream(stream, { from: 1 });
      expect(result.events).toEqual(stored);
      expect(result.events.map((e) => [e.id, e.revision])).toEqual(batch.map((e, i) => [e.id, 1 + i]));
      expect(result.events.at(-1)?.position).toBe(result.position);
      expect(result.events[0].hash).not.toBe(opened.events[0].hash);
    });

    it('no_stream on an existing stream conflicts, carrying expected and actual', async () => {
      const stream = streamName();
      await ctx.store.appendToStream(stream, newEvents(2));
      await expectConflict(ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'no_stream' }), 'no_stream', 1);
    });

    it('stream_exists conflicts on a missing stream and succeeds on an existing one', async () => {
      const stream = streamName();
      await expectConflict(
        ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream_exists' }),
        'stream_exists',
        null,
      );
      await ctx.store.appendToStream(stream, [newEvent()]);
      const result = await ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('any (the default) appends whatever the stream holds', async () => {
      const stream = streamName();
      await ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 'any' });
      const result = await ctx.store.appendToStream(stream, newEvents(2));
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('an exact revision must equal the last revision', async () => {
      const stream = streamName();
      await expectConflict(ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 0 }), 0, null);
      await ctx.store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
      await expectConflict(ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 0 }), 0, 1);
      await expectConflict(ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 2 }), 2, 1);
      const result = await ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 1 });
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('a refused append writes nothing', async () => {
      const stream = streamName();
      await ctx.store.appendToStream(stream, [newEvent()]);
      const head = await ctx.store.headPosition();
      await expectConflict(ctx.store.appendToStream(stream, newEvents(3), { expectedRevision: 5 }), 5, 0);
      expect(await ctx.store.readStream(stream)).toHaveLength(1);
      expect(await ctx.store.readAll({ fromPosition: head })).toEqual([]);
    });
  });
}

export function idempotencyContract(ctx: ContractContext): void {
  describe('idempotent append', () => {
    it('re-appending the same batch at the same place is acknowledged without duplicating', async () => {
      const stream = streamName();
      await ctx.store.appendToStream(stream, [newEvent()]);
      const batch = newEvents(3);
      const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: 0 });
      const again = await ctx.store.appendToStream(stream, batch, { expectedRevision: 0 });
      expect(again).toEqual(first);
      expect(again.events).toEqual(await ctx.store.readStream(stream, { from: 1 }));
      const ids = (await ctx.store.readStream(stream)).map((e) => e.id);
      expect(ids).toHaveLength(4);
      expect(ids.slice(1)).toEqual(batch.map((e) => e.id));
    });

    it('a retry with any or no_stream is acknowledged even after the stream moved on', async () => {
      const stream = streamName();
      const created = newEvent('Created');
      await ctx.store.appendToStream(stream, [created], { expectedRevision: 'no_stream' });
      await ctx.store.appendToStream(stream, [newEvent()], { expectedRevision: 0 });
      await ctx.store.appendToStream(stream, [created], { expectedRevision: 'no_stream' });
      await ctx.store.appendToStream(stream, [created], { expectedRevision: 'any' });
      expect(await ctx.store.readStream(stream)).toHaveLength(2);
    });

    it('the same ids at a different place conflict', async () => {
      const stream = streamName();
      const event = newEvent();
      await ctx.store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
      await expectConflict(ctx.store.appendToStream(stream, [event], { expectedRevision: 0 }), 0, 0);
      expect(await ctx.store.readStream(stream)).toHaveLength(1);
    });

    it('a batch that only partly repeats stored ids conflicts', async () => {
      const stream = streamName();
      const [a, b] = newEvents(2);
      await ctx.store.appendToStream(stream, [a], { expectedRevision: 'no_stream' });
      await expectConflict(ctx.store.appendToStream(stream, [a, b], { expectedRevision: 'no_stream' }), 'no_stream', 0);
      expect(await ctx.store.readStream(stream)).toHaveLength(1);
    });
  });
}

export function badInputContract(ctx: ContractContext): void {
  describe('bad input is refused with InvalidAppendError and writes nothing', () => {
    const cases: [string, string, () => NewEvent[]][] = [
      ['an empty batch', 'events', () => []],
      ['a non-UUID id', 'events[0].id', () => [{ ...newEvent(), id: 'not-a-uuid' }]],
      ['an id repeated in the batch', 'events[1].id', () => { const e = newEvent(); return [e, { ...e }]; }],
      ['array data', 'events[0].data', () => [{ ...newEvent(), data: [1, 2] as never }]],
      ['string data', 'events[0].data', () => [{ ...newEvent(), data: 'text' as never }]],
      ['null data', 'events[0].data', () => [{ ...newEvent(), data: null as never }]],
      ['missing metadata', 'events[0].metadata', () => [{ ...newEvent(), metadata: undefined as never }]],
      ['an empty type', 'events[0].type', () => [{ ...newEvent(), type: '' }]],
      ['data over 1 MiB', 'events[0].data', () => [newEvent('Big', { blob: 'x'.repeat(1024 * 1024 + 1) })]],
    ];
    it.each(cases)('%s', async (_label, field, events) => {
      const stream = streamName();
      const error = await ctx.store.appendToStream(stream, events()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect(error).toMatchObject({ field });
      expect(await ctx.store.streamRevision(stream)).toBeNull();
    });

    it('an invalid stream id', async () => {
      const error = await ctx.store.appendToStream('has spaces/and slashes', [newEvent()]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect(error).toMatchObject({ field: 'streamId' });
    });
  });
}
