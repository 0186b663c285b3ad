import type { SurveyChannel, SurveyScores } from './survey.events';

export interface SurveyResponse {
  responseId: string;
  customerId: string;
  channel: SurveyChannel;
  scores: SurveyScores;
}

export interface SurveyContext {
  year: number | null;
  responses: SurveyResponse[];
  planCount: number;
}

export const INITIAL_SURVEY_CONTEXT: SurveyContext = { year: null, responses: [], planCount: 0 };
