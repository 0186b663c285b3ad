import fc from 'fast-check';
import { bandOf, ladderIndex, nextGrade, PLANNED_LADDER, type Grade } from '../src';

const plannedGrade = fc.constantFrom(...PLANNED_LADDER);
const tonnage = fc.oneof(fc.double({ min: 0, max: 6000, noNaN: true }), fc.constantFrom(0, 999.999, 1000, 1999.999, 2000, 2999.999, 3000));

describe('nextGrade (R-TIER-2, R-TIER-4)', () => {
  it('R-TIER-4: for any sequence of monthly tonnages the grade moves at most one step per month, always toward the band', () => {
    fc.assert(
      fc.property(plannedGrade, fc.array(tonnage, { maxLength: 60 }), (start, months) => {
        let grade: Grade = start;
        for (const t of months) {
          const next = nextGrade(grade, t);
          const from = ladderIndex(grade);
          const to = ladderIndex(next);
          const band = ladderIndex(bandOf(t));
          expect(Math.abs(to - from)).toBeLessThanOrEqual(1);
          expect(Math.sign(to - from)).toBe(Math.sign(band - from));
          grade = next;
        }
      }),
    );
  });

  it('R-TIER-4: enough months in one band reach that band and stay there', () => {
    fc.assert(
      fc.property(plannedGrade, tonnage, (start, t) => {
        let grade: Grade = start;
        for (let i = 0; i < PLANNED_LADDER.length; i++) grade = nextGrade(grade, t);
        expect(grade).toBe(bandOf(t));
      }),
    );
  });

  it('R-TIER-2: the bands are ordinary < 1000 t ≤ one-star < 2000 t ≤ two-star < 3000 t ≤ three-star', () => {
    expect([0, 999.999, 1000, 1999.999, 2000, 2999.999, 3000, 10_000].map(bandOf)).toEqual([
      'ordinary', 'ordinary', 'one_star', 'one_star', 'two_star', 'two_star', 'three_star', 'three_star',
    ]);
  });

  it('R-TIER-2: online-auction customers are not moved by tonnage', () => {
    fc.assert(fc.property(tonnage, (t) => expect(nextGrade('online_auction', t)).toBe('online_auction')));
  });
});
