import fc from 'fast-check';
import { decideOnWorkflow, replayEvents, type AnyDomainEvent } from '@crm/workflow-kit';
import { addMonths, keyAccountWorkflow } from '../src';
import { evaluate } from './key-account.fixtures';

const MONTHS = Array.from({ length: 30 }, (_, i) => addMonths('2024-01', i));
const history = fc.array(fc.integer({ min: 0, max: 4_000_000 }), { minLength: MONTHS.length, maxLength: MONTHS.length });
/** evaluations in any order, repeats included: the evaluated months from 2025-03 on */
const runs = fc.array(fc.integer({ min: 14, max: MONTHS.length - 1 }), { minLength: 1, maxLength: 12 });

describe('key-account evaluation over arbitrary histories (R-KAM-3, R-KAM-4)', () => {
  it('R-KAM-3: warnings go forward, at most one per customer and month, and a month evaluated again at once writes nothing', () => {
    fc.assert(
      fc.property(history, runs, fc.constantFrom('A', 'B') as fc.Arbitrary<'A' | 'B'>, (kg, order, abcClass) => {
        const kgByMonth = Object.fromEntries(MONTHS.map((m, i) => [m, kg[i]]));
        const events: AnyDomainEvent[] = [];
        for (const index of order) {
          const month = MONTHS[index];
          const command = evaluate({ month, abcClass, kgByMonth, lastPickupDate: kg[index] > 0 ? `${month}-15` : null });
          const decide = () => decideOnWorkflow(keyAccountWorkflow, replayEvents(keyAccountWorkflow, events), events.length ? events.length - 1 : null, command, undefined).events;
          events.push(...decide());
          expect(decide()).toEqual([]);
        }
        const raised = events.filter((e) => e.type === 'KeyAccountWarningRaised').map((e) => e.data.month as string);
        expect(new Set(raised).size).toBe(raised.length);
        expect([...raised].sort()).toEqual(raised);
        if (abcClass === 'B') expect(raised).toEqual([]);
        // levels chain: each change starts from the level the one before ended at
        const levels = events.filter((e) => e.type === 'LoyaltyLevelChanged');
        levels.forEach((e, i) => expect(e.data.previousLevel).toBe(i === 0 ? null : levels[i - 1].data.newLevel));
      }),
      { numRuns: 150 },
    );
  });
});
