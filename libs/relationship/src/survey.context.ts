import type { Questionnaire } from './survey-questionnaire';
import type { SurveyAnswers, SurveyChannel } from './survey.events';

export interface SurveyResponse {
  responseId: string;
  customerId: string;
  channel: SurveyChannel;
  answers: SurveyAnswers;
}

export interface SurveyContext {
  year: number | null;
  questionnaire: Questionnaire;
  responses: SurveyResponse[];
  planCount: number;
}

export const INITIAL_SURVEY_CONTEXT: SurveyContext = { year: null, questionnaire: [], responses: [], planCount: 0 };
