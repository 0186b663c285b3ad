import { evidenceOf, lastClosedQuarter, periodOf, splitPeriod } from './review-view';

describe('the customer review page’s periods and figures (R-EVAL-2)', () => {
  it('R-EVAL-2: names a quarter, a half-year or a year the way the API does, and reads it back from the address', () => {
    expect([periodOf(2026, 'Q3'), periodOf(2026, 'H1'), periodOf(2026, 'Y')]).toEqual(['2026-Q3', '2026-H1', '2026']);
    expect(splitPeriod('2026-Q3')).toEqual({ year: 2026, part: 'Q3' });
    expect(splitPeriod('2026')).toEqual({ year: 2026, part: 'Y' });
    expect(splitPeriod('2026-Q5')).toBeNull();
    expect(splitPeriod(undefined)).toBeNull();
  });

  it('proposes the last quarter closed: in January the previous year’s fourth', () => {
    expect(lastClosedQuarter('2026-10-09')).toEqual({ year: 2026, part: 'Q3' });
    expect(lastClosedQuarter('2026-01-15')).toEqual({ year: 2025, part: 'Q4' });
  });

  it('reads the figures behind a suggestion, and leaves a sentence of another form alone', () => {
    expect(evidenceOf('期内提货 120.5 吨；等级变动 1 次（升）；下滑预警 0 次，解除 0 次')).toEqual({ tonnes: '120.5', moves: 1, direction: 'up', raised: 0, cleared: 0 });
    expect(evidenceOf('期内提货 0 吨；等级变动 0 次；下滑预警 2 次，解除 1 次')).toEqual({ tonnes: '0', moves: 0, direction: null, raised: 2, cleared: 1 });
    expect(evidenceOf('另有说明')).toBeNull();
  });
});
