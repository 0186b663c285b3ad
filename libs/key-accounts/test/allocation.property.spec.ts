import fc from 'fast-check';
import { allocate, allocationScore, ALLOCATION_ORDER, weeklyEvenness, type AllocationDemand } from '../src';

const demand = fc.record({
  customerId: fc.string({ minLength: 1, maxLength: 5 }),
  salesObject: fc.constantFrom(...ALLOCATION_ORDER),
  kg: fc.integer({ min: 0, max: 3_000_000 }),
  source: fc.constantFrom('sales_plan' as const, 'request' as const),
  completionRate: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }),
  evenness: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});
const demands = fc.uniqueArray(demand, { selector: (d) => d.customerId, maxLength: 25 });
const available = fc.integer({ min: 0, max: 40_000_000 });
const classOf = (c: AllocationDemand['salesObject']) => ALLOCATION_ORDER.indexOf(c);

describe('resource allocation (R-ALLOC-1..3)', () => {
  it('R-ALLOC-1: never more than available nor than asked; all available is used while demand is unmet', () => {
    fc.assert(
      fc.property(available, demands, (kg, ds) => {
        const result = allocate(kg, ds);
        expect(result.allocatedKg).toBeLessThanOrEqual(kg);
        for (const l of result.lines) {
          expect(Number.isInteger(l.allocatedKg)).toBe(true);
          expect(l.allocatedKg).toBeGreaterThanOrEqual(0);
          expect(l.allocatedKg).toBeLessThanOrEqual(l.kg);
        }
        expect(result.allocatedKg).toBe(Math.min(kg, result.demandKg));
        expect(result.lines).toHaveLength(ds.length);
      }),
    );
  });

  it('R-ALLOC-1: a lower class gets nothing while a higher class is short', () => {
    fc.assert(
      fc.property(available, demands, (kg, ds) => {
        const { lines } = allocate(kg, ds);
        for (const low of lines.filter((l) => l.allocatedKg > 0)) {
          for (const high of lines.filter((h) => classOf(h.salesObject) < classOf(low.salesObject))) expect(high.allocatedKg).toBe(high.kg);
        }
      }),
    );
  });

  it('R-ALLOC-3: within agents and distributors, nobody is served while someone ranked before them is short', () => {
    fc.assert(
      fc.property(available, demands, (kg, ds) => {
        const { lines } = allocate(kg, ds);
        for (const cls of ['exclusive_agent', 'distributor'] as const) {
          const inClass = lines.filter((l) => l.salesObject === cls).sort((a, b) => a.rank - b.rank);
          inClass.forEach((l, i) => {
            if (i > 0) expect(l.score ?? 0).toBeLessThanOrEqual(inClass[i - 1].score ?? 0);
            if (l.allocatedKg > 0) inClass.slice(0, i).forEach((before) => expect(before.allocatedKg).toBe(before.kg));
          });
          inClass.forEach((l) => expect(l.score).toBe(allocationScore(l)));
        }
      }),
    );
  });

  it('R-ALLOC-1: direct customers short of volume share it pro rata to within one kilogram', () => {
    fc.assert(
      fc.property(available, demands, (kg, ds) => {
        const direct = allocate(kg, ds).lines.filter((l) => l.salesObject === 'direct');
        const total = direct.reduce((s, l) => s + l.kg, 0);
        fc.pre(total > kg);
        for (const l of direct) expect(Math.abs(l.allocatedKg - (l.kg * kg) / total)).toBeLessThan(1);
      }),
    );
  });

  it('R-ALLOC-3: worked example under shortage — agents by completion, distributors by completion and evenness', () => {
    const d = (customerId: string, salesObject: AllocationDemand['salesObject'], kg: number, completionRate: number | null, evenness: number | null): AllocationDemand => ({
      customerId, salesObject, kg, source: 'request', completionRate, evenness,
    });
    const result = allocate(1000, [
      d('dist-even', 'distributor', 300, 0.9, 0.9), d('agent-low', 'exclusive_agent', 300, 0.5, null), d('direct', 'direct', 200, null, null),
      d('agent-high', 'exclusive_agent', 300, 0.95, null), d('dist-lumpy', 'distributor', 300, 0.9, 0.1),
    ]);
    expect(Object.fromEntries(result.lines.map((l) => [l.customerId, l.allocatedKg]))).toEqual({
      direct: 200, 'agent-high': 300, 'agent-low': 300, 'dist-even': 200, 'dist-lumpy': 0,
    });
  });

  it('R-ALLOC-3: evenness is 1 for equal weeks, lower for lumpy ones, null without pickups', () => {
    expect(weeklyEvenness([5, 5, 5, 5])).toBe(1);
    expect(weeklyEvenness([20, 0, 0, 0]) ?? 1).toBeLessThan(weeklyEvenness([8, 4, 4, 4]) ?? 0);
    expect(weeklyEvenness([0, 0])).toBeNull();
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 10 }), (ws) => {
      const e = weeklyEvenness(ws);
      return e === null || (e >= 0 && e <= 1);
    }));
  });
});
