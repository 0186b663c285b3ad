import { lastMonths, percent, ratesBy } from './breach-rates';
import type { StatsCell } from './sla.api';

const cell = (month: string, cls: string, department: string, classified: number, breached: number): StatsCell => ({
  month, class: cls, department, classified, breached, breachRate: breached / classified,
});

describe('breach rates for the SLA board charts', () => {
  const cells = [cell('2026-02', 'general', 'sales', 4, 1), cell('2026-03', 'general', 'logistics', 2, 1), cell('2026-03', 'major', 'sales', 1, 1)];

  it('sums departments and months per class (a rate of sums, not a mean of rates)', () => {
    expect(ratesBy(cells, 'class', ['general', 'major', 'serious'])).toEqual([
      { key: 'general', classified: 6, breached: 2, rate: 2 / 6 },
      { key: 'major', classified: 1, breached: 1, rate: 1 },
      { key: 'serious', classified: 0, breached: 0, rate: null },
    ]);
  });

  it('sums classes per month, months without complaints have no rate', () => {
    expect(ratesBy(cells, 'month', ['2026-01', '2026-03']).map((b) => [b.key, b.rate])).toEqual([['2026-01', null], ['2026-03', 2 / 3]]);
  });

  it('lists the last months across a year boundary, oldest first', () => {
    expect(lastMonths('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('prints rates as percentages and no rate as a dash', () => {
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(null)).toBe('—');
  });
});
