import { z } from 'zod';
import { text } from './relationship.shapes';

/** A question's key in answers and averages; `overall` is the report's own figure. */
export const QuestionId = z
  .string()
  .regex(/^[a-z][A-Za-z0-9_]{0,39}$/, 'a question id: a lower-case letter, then letters, digits or underscores')
  .refine((id) => id !== 'overall', 'overall is the report\'s figure over all questions, not a question');

const Score = z.number().int().min(0).max(100);
/** A scale the customer answers on: a score in a range, or one of labelled options each worth a score. */
export const QuestionScale = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('score'), min: Score, max: Score }).refine((s) => s.min < s.max, { message: 'min is below max', path: ['max'] }),
  z.strictObject({ kind: z.literal('labels'), options: z.array(z.strictObject({ label: text(50), score: Score })).min(2).max(11) }),
]);
export type QuestionScale = z.infer<typeof QuestionScale>;

export const SurveyQuestion = z.strictObject({ questionId: QuestionId, text: text(500), scale: QuestionScale });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/**
 * R-SURV-1 (可编制客户满意度调查问卷): the questionnaire is the campaign's data — its questions and
 * their scales — not fixed scores. Question ids and option labels are unique.
 */
export const Questionnaire = z
  .array(SurveyQuestion)
  .min(1)
  .max(50)
  .refine((qs) => new Set(qs.map((q) => q.questionId)).size === qs.length, 'question ids are unique')
  .refine((qs) => qs.every((q) => q.scale.kind === 'score' || new Set(q.scale.options.map((o) => o.label)).size === q.scale.options.length), 'option labels are unique within a question');
export type Questionnaire = z.infer<typeof Questionnaire>;

const percent = { kind: 'score', min: 0, max: 100 } as const;
/**
 * 了解客户对公司产品质量、服务质量和公司形象满意度评价 (第十四条): the three subjects the policy names,
 * each scored 0–100 — what every campaign asked before questionnaires were data (schema v1).
 */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = [
  { questionId: 'productQuality', text: '产品质量（满意度，0–100 分）', scale: percent },
  { questionId: 'serviceQuality', text: '服务质量（满意度，0–100 分）', scale: percent },
  { questionId: 'companyImage', text: '公司形象（满意度，0–100 分）', scale: percent },
];

/** What the customer gave: a score on a score scale, a label on a labelled one. */
export const AnswerGiven = z.union([z.number(), text(50)]);
/** An answer as recorded: its score, and the label ticked when the scale has labels. */
export const RecordedAnswer = z.strictObject({ score: Score, label: text(50).nullable() });
export type RecordedAnswer = z.infer<typeof RecordedAnswer>;

/** The recorded answer, or why the given one is not on the question's scale. */
export function scoreAnswer(question: SurveyQuestion, given: number | string): RecordedAnswer | string {
  const scale = question.scale;
  if (scale.kind === 'score') {
    if (typeof given !== 'number' || !Number.isInteger(given) || given < scale.min || given > scale.max) return `answer a whole score from ${scale.min} to ${scale.max}`;
    return { score: given, label: null };
  }
  const option = scale.options.find((o) => o.label === given);
  return option ? { score: option.score, label: option.label } : `answer one of ${scale.options.map((o) => o.label).join(' / ')}`;
}

/** Every recorded answer is to a question of the questionnaire and carries the score its scale gives it. */
export function answersFollow(questionnaire: Questionnaire, answers: Record<string, RecordedAnswer>): boolean {
  const entries = Object.entries(answers);
  return (
    entries.length > 0 &&
    entries.every(([id, a]) => {
      const question = questionnaire.find((q) => q.questionId === id);
      if (!question) return false;
      const again = scoreAnswer(question, a.label ?? a.score);
      return typeof again !== 'string' && again.score === a.score && again.label === a.label;
    })
  );
}
