import type { Questionnaire, SurveyAggregates } from '@crm/relationship';

interface Acted { by: string; role: string; at: string }
export interface SurveyResponseView { responseId: string; customerId: string; channel: string; respondedOn: string; answers: Record<string, { score: number; label: string | null }>; comments: string | null; by: string }
/** GET /satisfaction-surveys/:year as far as the page reads it. */
export interface SurveyView {
  year: number; state: string; campaign: ({ title: string } & Acted) | null; questionnaire: Questionnaire;
  responseCount: number; responses: SurveyResponseView[];
  report: ({ summary: string; aggregates: SurveyAggregates } & Acted) | null;
  review: ({ comment: string | null } & Acted) | null;
  improvementPlan: ({ planNo: number; measures: string[] } & Acted) | null;
  decision: ({ type: 'ImprovementPlanApproved' | 'ImprovementPlanReturned'; comment?: string | null; reason?: string } & Acted) | null;
}
/** Lines of a textarea, trimmed, the empty ones dropped. */
export const linesOf = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);
