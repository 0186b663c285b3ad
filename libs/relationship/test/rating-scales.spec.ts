import { RatingLabels, RATING_SCALES, scoreOf, scoreRatings, scoresFollowScale } from '../src';

describe('R-VISIT-2 rating scales of the 走访客户报告单', () => {
  it.each([
    ['非常优良', 100], ['优良', 90], ['良好', 85], ['一般', 80], ['合格', 70], ['不合格', 60],
  ] as const)('R-VISIT-2: quality %s scores %i', (label, score) => {
    expect(scoreOf('quality', label)).toBe(score);
  });

  it.each([
    ['非常优良', 100], ['优良', 90], ['良好', 85], ['一般', 80], ['不好', 30], ['恶劣', 0],
  ] as const)('R-VISIT-2: service attitude %s scores %i (不好 = 30 and 恶劣 = 0)', (label, score) => {
    expect(scoreOf('service', label)).toBe(score);
  });

  it.each([
    ['非常驰名', 100], ['驰名', 90], ['知名度高', 85], ['知名度较高', 80], ['知名', 70], ['知道', 60], ['不知道', 50],
  ] as const)('R-VISIT-2: product awareness %s scores %i', (label, score) => {
    expect(scoreOf('awareness', label)).toBe(score);
  });

  it('R-VISIT-2: each column lists its labels left to right, as on the form', () => {
    expect(Object.keys(RATING_SCALES.quality)).toEqual(['非常优良', '优良', '良好', '一般', '合格', '不合格']);
    expect(Object.keys(RATING_SCALES.service)).toEqual(['非常优良', '优良', '良好', '一般', '不好', '恶劣']);
    expect(Object.keys(RATING_SCALES.awareness)).toEqual(['非常驰名', '驰名', '知名度高', '知名度较高', '知名', '知道', '不知道']);
  });

  it('R-VISIT-2: a label from another column is refused, naming the field and the rule', () => {
    const result = RatingLabels.safeParse({ quality: '不好', service: '合格', awareness: '优良' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message.slice(0, 9)]);
    expect(issues).toEqual([['quality', 'R-VISIT-2'], ['service', 'R-VISIT-2'], ['awareness', 'R-VISIT-2']]);
  });

  it('R-VISIT-2: a stored score that is not its label\'s fails the scale check', () => {
    const ratings = scoreRatings({ quality: '良好', service: '不好', awareness: '知道' });
    expect(ratings).toEqual({ quality: { label: '良好', score: 85 }, service: { label: '不好', score: 30 }, awareness: { label: '知道', score: 60 } });
    expect(scoresFollowScale(ratings)).toBe(true);
    expect(scoresFollowScale({ ...ratings, service: { label: '不好', score: 70 } })).toBe(false);
  });
});
