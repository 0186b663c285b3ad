import { commandOf, NotPermitted, SCHEDULER_ACTOR, workflowSpec } from '@crm/workflow-kit';
import { explainPrice, INITIAL_PRICE_BOOK_CONTEXT, priceAt, priceBookWorkflow, type PriceSet } from '../src';

const entry = (priceFen: number, effectiveFrom: string, decidedAt: string, proposalId: string): PriceSet => ({
  productLineId: 'polyolefin', warehouseId: 'zh-1', priceFen, effectiveFrom, proposalId, decidedBy: 'committee', decidedAt,
});
const book = { ...INITIAL_PRICE_BOOK_CONTEXT, productLineId: 'polyolefin', warehouseId: 'zh-1', entries: [
  entry(800_000, '2026-09-01T00:00:00.000Z', '2026-08-25T00:00:00.000Z', 'p-1'),
  entry(840_000, '2026-10-10T00:00:00.000Z', '2026-10-09T00:00:00.000Z', 'p-2'),
  entry(830_000, '2026-10-10T00:00:00.000Z', '2026-10-09T06:00:00.000Z', 'p-3'),
] };

describe('the price in force (R-PRICE-1)', () => {
  it('R-PRICE-1: the price effective latest by the instant is in force; two for one instant: the later decision', () => {
    expect(priceAt(book, '2026-08-31T23:59:59.000Z')).toBeNull();
    expect(priceAt(book, '2026-10-09T23:59:59.000Z')?.proposalId).toBe('p-1');
    expect(priceAt(book, '2026-10-10T00:00:00.000Z')?.proposalId).toBe('p-3');
  });

  it('R-PRICE-1: explained like a deadline — what is in force, what it replaced, what is decided but not yet in force', () => {
    const explained = explainPrice(book, '2026-10-09T12:00:00.000Z');
    expect([explained.inForce?.proposalId, explained.previous, explained.upcoming.map((e) => e.proposalId)]).toEqual(['p-1', null, ['p-2', 'p-3']]);
  });

  it('R-PRICE-1: no person writes a price; the same proposal never sets it twice', () => {
    const set = (actor = SCHEDULER_ACTOR) => commandOf('SetPrice', entry(800_000, '2026-09-01T00:00:00.000Z', '2026-08-25T00:00:00.000Z', 'p-1'), actor, '2026-08-25T00:00:00.000Z');
    const { given } = workflowSpec(priceBookWorkflow);
    given([]).when(set({ id: 'sales', roles: ['sales_reviewer'] })).thenThrows(NotPermitted, 'R-PRICE-1');
    const first = given([]).when(set()).thenMatches([{ type: 'PriceSet' }]).events;
    expect(() => given(first).when(set()).then([])).toThrow();
  });
});
