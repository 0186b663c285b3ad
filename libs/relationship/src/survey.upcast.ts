import { DEFAULT_QUESTIONNAIRE } from './survey-questionnaire';
import type { SurveyEvent } from './survey.events';

type Data = Record<string, unknown>;

/**
 * ADR 0005 / ADR 0025: surveys stored before questionnaires were data (schema v1). A v1 campaign
 * asked the default questionnaire (the three 0–100 scores); a v1 response's `scores` become answers
 * without labels; a v1 report was issued before the leadership's review step (`notify: null`, the
 * path the machine keeps for them). Pure: defaults and renames only.
 */
export function upcastSurveyEvent(event: { type: string; data: unknown; schemaVersion: number }): SurveyEvent {
  const data = event.data as Data;
  if (event.schemaVersion >= 2) return { type: event.type, data } as SurveyEvent;
  switch (event.type) {
    case 'SurveyCampaignOpened':
      return { type: event.type, data: { ...data, questionnaire: DEFAULT_QUESTIONNAIRE } } as unknown as SurveyEvent;
    case 'SurveyResponseRecorded': {
      const { scores, ...rest } = data as Data & { scores: Record<string, number> };
      const answers = Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, label: null }]));
      return { type: event.type, data: { ...rest, answers } } as unknown as SurveyEvent;
    }
    case 'SurveyReportIssued':
      return { type: event.type, data: { ...data, notify: null } } as unknown as SurveyEvent;
    default:
      return { type: event.type, data } as SurveyEvent;
  }
}
