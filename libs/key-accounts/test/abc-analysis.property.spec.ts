import fc from 'fast-check';
import { abcAnalysis, type AbcClass } from '../src';

const volumes = fc.uniqueArray(fc.record({ customerId: fc.string({ minLength: 1, maxLength: 6 }), kg: fc.integer({ min: 0, max: 5_000_000 }) }), {
  selector: (v) => v.customerId,
  maxLength: 40,
});
const thresholds = fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([x, y]) => ({ a: Math.min(x, y) / 100, b: Math.max(x, y) / 100 }));
const order: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

describe('ABC / Pareto analysis (R-KAM-1)', () => {
  it('R-KAM-1: shares sum to 1 and the last cumulative share is 1 whenever there is volume', () => {
    fc.assert(
      fc.property(volumes, thresholds, (vs, t) => {
        const rows = abcAnalysis(vs, t);
        const total = vs.reduce((s, v) => s + v.kg, 0);
        if (total === 0) return rows.every((r) => r.share === 0 && r.abcClass === 'C');
        expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
        expect(rows[rows.length - 1].cumulativeShare).toBeCloseTo(1, 9);
        return true;
      }),
    );
  });

  it('R-KAM-1: ranked by volume, classes never improve further down the ranking', () => {
    fc.assert(
      fc.property(volumes, thresholds, (vs, t) => {
        const rows = abcAnalysis(vs, t);
        rows.forEach((r, i) => {
          expect(r.rank).toBe(i + 1);
          if (i > 0) {
            expect(r.kg).toBeLessThanOrEqual(rows[i - 1].kg);
            expect(order[r.abcClass]).toBeGreaterThanOrEqual(order[rows[i - 1].abcClass]);
          }
        });
      }),
    );
  });

  it('R-KAM-1: class A is the smallest prefix whose volume reaches the A threshold', () => {
    fc.assert(
      fc.property(volumes, thresholds, (vs, t) => {
        const rows = abcAnalysis(vs, t);
        const total = vs.reduce((s, v) => s + v.kg, 0);
        fc.pre(total > 0);
        const a = rows.filter((r) => r.abcClass === 'A');
        const aKg = a.reduce((s, r) => s + r.kg, 0);
        expect(aKg).toBeGreaterThanOrEqual(t.a * total - 1e-6);
        const withoutLast = aKg - (a.length ? a[a.length - 1].kg : 0);
        expect(withoutLast).toBeLessThan(t.a * total);
      }),
    );
  });

  it('R-KAM-1: a worked example — 80/15/5', () => {
    const rows = abcAnalysis([
      { customerId: 'c', kg: 50 }, { customerId: 'a', kg: 600 }, { customerId: 'b', kg: 200 }, { customerId: 'd', kg: 100 }, { customerId: 'e', kg: 50 },
    ]);
    expect(rows.map((r) => [r.customerId, r.abcClass])).toEqual([['a', 'A'], ['b', 'A'], ['d', 'B'], ['c', 'B'], ['e', 'C']]);
  });
});
