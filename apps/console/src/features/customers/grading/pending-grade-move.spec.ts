import { lastMonth } from './last-month';
import { type GradeReviewFact, pendingGradeMove } from './pending-grade-move';

const fact = (kind: string, position: number, more: Partial<GradeReviewFact> = {}): GradeReviewFact => ({
  kind, month: '2026-03', tonnage: 1200, band: 'one_star', previousGrade: 'ordinary', newGrade: 'one_star', cause: 'monthly_evaluation', at: '2026-04-01T02:00:00.000Z', position, ...more,
});

describe('the pending grade move the console shows (R-TIER-4, ADR 0023)', () => {
  it('R-TIER-4: the latest proposal waits while nothing later settles its month', () => {
    expect(pendingGradeMove([fact('proposed', 5)], [fact('opened', 1, { month: null })])).toMatchObject({ month: '2026-03', currentGrade: 'ordinary', proposedGrade: 'one_star', basis: 'monthly_evaluation' });
  });

  it('R-TIER-4: a confirmed (changed), held or lapsed proposal no longer waits', () => {
    expect(pendingGradeMove([fact('proposed', 5)], [fact('changed', 6)])).toBeNull();
    expect(pendingGradeMove([fact('proposed', 5), fact('held', 6)], [])).toBeNull();
    expect(pendingGradeMove([fact('proposed', 5), fact('lapsed', 6)], [])).toBeNull();
  });

  it('R-TIER-4: a change of another month, or an earlier one, leaves the proposal waiting; a later proposal replaces an older one', () => {
    expect(pendingGradeMove([fact('proposed', 5)], [fact('changed', 6, { month: '2026-02' }), fact('changed', 4)])).not.toBeNull();
    expect(pendingGradeMove([fact('proposed', 5), fact('held', 6), fact('proposed', 9, { month: '2026-04', newGrade: 'two_star', previousGrade: 'one_star' })], [])).toMatchObject({ month: '2026-04', proposedGrade: 'two_star' });
  });
});

describe('the month the report and the evaluation forms start with', () => {
  it('is the month before this one in Beijing (R-TIER-2: the latest month over), across a year and a time-zone boundary', () => {
    expect(lastMonth(new Date('2026-04-01T02:00:00Z'))).toBe('2026-03');
    expect(lastMonth(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12'); // already 1 January in Beijing
    expect(lastMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
  });
});
