import { chainHash, GENESIS_HASH } from '../append-rules';
import type { NewEvent } from '../event-store.port';
import { type ContractContext, asWritten, newEvent, streamName } from './contract.fixtures';

export function payloadContract(ctx: ContractContext): void {
  describe('payloads', () => {
    async function roundTrip(event: NewEvent): Promise<void> {
      const stream = streamName();
      const head = await ctx.store.headPosition();
      const appended = await ctx.store.appendToStream(stream, [event]);
      const [fromStream] = await ctx.store.readStream(stream);
      const [fromAll] = await ctx.store.readAll({ fromPosition: head });
      expect(fromStream).toMatchObject(asWritten(event));
      expect(fromAll).toEqual(fromStream);
      expect(appended.events).toEqual([fromStream]);
      expect(fromStream.hash).toBe(chainHash(GENESIS_HASH, stream, 0, event));
    }

    it('a ~500 KB event round-trips intact', async () => {
      const rows = Array.from({ length: 5000 }, (_, i) => ({ line: i, product: 'PP-H030', text: '聚丙烯'.repeat(10) }));
      const event = newEvent('PriceListImported', { rows, blob: 'x'.repeat(100_000) });
      expect(Buffer.byteLength(JSON.stringify(event.data))).toBeGreaterThan(400_000);
      await roundTrip(event);
    });

    it('Chinese text and emoji round-trip in data and metadata', async () => {
      const event = newEvent('ComplaintFiled', {
        customer: '中国石化销售股份有限公司',
        description: '客户投诉：产品质量问题，聚乙烯颗粒颜色异常 🚚📦✅',
        '客户编号': 'KH-0001',
        surrogates: '𠀀𪚥 👩‍🔬',
      });
      event.metadata = { ...event.metadata, actor: 'user:张伟', reason: '加急处理 🔥' };
      await roundTrip(event);
    });

    it('nested JSON of every kind round-trips', async () => {
      await roundTrip(
        newEvent('Nested', {
          int: 42,
          negative: -7,
          float: 3.25,
          big: 9007199254740991,
          flags: [true, false, null],
          deep: { a: { b: { c: [1, { d: 'e' }] } } },
          empty: {},
          emptyList: [],
          quote: 'she said "hi"\\n\ttab',
        }),
      );
    });
  });
}
