import { allocate } from '../src';
describe('R-ALLOC-2 依据客户评审结果: the review outcome orders a class and ends service', () => {
  const agent = (customerId: string, completionRate: number, review?: 'keep' | 'up' | 'down' | 'exit') =>
    ({ customerId, salesObject: 'exclusive_agent' as const, kg: 100_000, source: 'sales_plan' as const, completionRate, evenness: null, ...(review ? { review } : {}) });

  it('R-ALLOC-2: an agent the review moved up is served before a better-completing one it kept; one moved down after', () => {
    const result = allocate(200_000, [agent('a-kept', 1, 'keep'), agent('b-up', 0.5, 'up'), agent('c-down', 1, 'down')]);
    expect(result.lines.map((l) => [l.customerId, l.rank, l.allocatedKg])).toEqual([['b-up', 1, 100_000], ['a-kept', 2, 100_000], ['c-down', 3, 0]]);
  });

  it('R-ALLOC-2: a customer the review ended (exit) is allocated nothing and its demand does not count', () => {
    const result = allocate(300_000, [agent('a', 1), agent('gone', 1, 'exit')]);
    expect(result.lines.map((l) => [l.customerId, l.rank, l.allocatedKg])).toEqual([['a', 1, 100_000], ['gone', 0, 0]]);
    expect(result.demandKg).toBe(100_000);
  });

  it('without a review on record the order is the score alone, as before', () => {
    const result = allocate(100_000, [agent('a', 0.5), agent('b', 1)]);
    expect(result.lines.map((l) => l.customerId)).toEqual(['b', 'a']);
  });
});
