import type { Questionnaire } from './survey-questionnaire';
import type { SurveyResponse } from './survey.context';
import { SurveyChannel, type SurveyAggregates } from './survey.events';

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]): number | null => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));

/** R-SURV-1: the report's figures, from the responses alone: per question, overall, the lowest question. */
export function aggregateSurvey(questionnaire: Questionnaire, responses: readonly SurveyResponse[]): SurveyAggregates {
  const byChannel = Object.fromEntries(SurveyChannel.options.map((c) => [c, responses.filter((r) => r.channel === c).length])) as SurveyAggregates['byChannel'];
  const ids = questionnaire.map((q) => q.questionId);
  const scoresOf = (id: string) => responses.flatMap((r) => (r.answers[id] ? [r.answers[id].score] : []));
  const perQuestion = Object.fromEntries(ids.map((id) => [id, mean(scoresOf(id))]));
  const overall = mean(ids.flatMap(scoresOf));
  let lowestDimension: string | null = null;
  for (const id of ids) {
    const value = perQuestion[id];
    if (value !== null && (lowestDimension === null || value < (perQuestion[lowestDimension] as number))) lowestDimension = id;
  }
  return { responseCount: responses.length, byChannel, averages: { ...perQuestion, overall }, lowestDimension };
}

/** Key order is not meaningful (a JSONB column reorders keys): compared field by field. */
export function sameAggregates(a: SurveyAggregates, b: SurveyAggregates): boolean {
  const keys = (x: SurveyAggregates) => Object.keys(x.averages).sort().join('|');
  return (
    a.responseCount === b.responseCount &&
    a.lowestDimension === b.lowestDimension &&
    SurveyChannel.options.every((c) => a.byChannel[c] === b.byChannel[c]) &&
    keys(a) === keys(b) &&
    Object.keys(a.averages).every((k) => a.averages[k] === b.averages[k])
  );
}
