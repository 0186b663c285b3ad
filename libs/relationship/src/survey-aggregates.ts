import type { SurveyResponse } from './survey.context';
import { SURVEY_DIMENSIONS, SurveyChannel, type SurveyAggregates } from './survey.events';

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]): number | null => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));

/** R-SURV-1: the report's figures, from the responses alone. */
export function aggregateSurvey(responses: readonly SurveyResponse[]): SurveyAggregates {
  const byChannel = Object.fromEntries(SurveyChannel.options.map((c) => [c, responses.filter((r) => r.channel === c).length])) as SurveyAggregates['byChannel'];
  const [productQuality, serviceQuality, companyImage] = SURVEY_DIMENSIONS.map((d) => mean(responses.map((r) => r.scores[d])));
  const overall = mean(responses.flatMap((r) => SURVEY_DIMENSIONS.map((d) => r.scores[d])));
  const averages = { productQuality, serviceQuality, companyImage };
  let lowestDimension: SurveyAggregates['lowestDimension'] = null;
  for (const d of SURVEY_DIMENSIONS) {
    const value = averages[d];
    if (value !== null && (lowestDimension === null || value < (averages[lowestDimension] as number))) lowestDimension = d;
  }
  return { responseCount: responses.length, byChannel, averages: { ...averages, overall }, lowestDimension };
}

/** Key order is not meaningful (a JSONB column reorders keys): compared field by field. */
export function sameAggregates(a: SurveyAggregates, b: SurveyAggregates): boolean {
  return (
    a.responseCount === b.responseCount &&
    a.lowestDimension === b.lowestDimension &&
    SurveyChannel.options.every((c) => a.byChannel[c] === b.byChannel[c]) &&
    [...SURVEY_DIMENSIONS, 'overall' as const].every((d) => a.averages[d] === b.averages[d])
  );
}
