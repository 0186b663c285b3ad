import { z } from 'zod';

/**
 * R-VISIT-2, 走访客户报告单 (附件): "在质量、服务、产品三个栏目自左至右的分值分别为100分、90分、85分、
 * 80分、70分、60分、50分,服务栏的“不好”为30分,“恶劣”为0分". Read as the form prints it (ADR 0025):
 * each column's labels take the scores from the left, one each. The quality column has six labels
 * (非常优良 … 不合格), so they take 100 … 60 and its 50 分 step is not used: no label is left for it,
 * and 不合格 is not moved to 50. The service column's last two labels are the note's 30 and 0. The
 * awareness column has seven labels and uses all seven scores. The Chinese labels are the canonical
 * values: they are what the customer ticks on the paper form.
 */
export const RATING_SCALES = {
  quality: { 非常优良: 100, 优良: 90, 良好: 85, 一般: 80, 合格: 70, 不合格: 60 },
  service: { 非常优良: 100, 优良: 90, 良好: 85, 一般: 80, 不好: 30, 恶劣: 0 },
  awareness: { 非常驰名: 100, 驰名: 90, 知名度高: 85, 知名度较高: 80, 知名: 70, 知道: 60, 不知道: 50 },
} as const;

export type RatingDimension = keyof typeof RATING_SCALES;
export const RATING_DIMENSIONS = Object.keys(RATING_SCALES) as RatingDimension[];
export type RatingLabel<D extends RatingDimension> = keyof (typeof RATING_SCALES)[D] & string;

const labelsOf = <D extends RatingDimension>(d: D) => Object.keys(RATING_SCALES[d]) as [RatingLabel<D>, ...RatingLabel<D>[]];
const labelSchema = <D extends RatingDimension>(d: D) =>
  z.enum(labelsOf(d), { error: `R-VISIT-2: not a label of the ${d} scale (${labelsOf(d).join(' / ')})` });

export const QualityLabel = labelSchema('quality');
export const ServiceLabel = labelSchema('service');
export const AwarenessLabel = labelSchema('awareness');

/** What the customer ticked, one label per column. */
export const RatingLabels = z.strictObject({ quality: QualityLabel, service: ServiceLabel, awareness: AwarenessLabel });
export type RatingLabels = z.infer<typeof RatingLabels>;

const Scored = <T extends z.ZodType>(label: T) => z.object({ label, score: z.number().int().min(0).max(100) });
/** The labels with the scores the form assigns them, as the report records them. */
export const ScoredRatings = z.object({ quality: Scored(QualityLabel), service: Scored(ServiceLabel), awareness: Scored(AwarenessLabel) });
export type ScoredRatings = z.infer<typeof ScoredRatings>;

export function scoreOf<D extends RatingDimension>(dimension: D, label: RatingLabel<D>): number {
  return (RATING_SCALES[dimension] as Record<string, number>)[label];
}

export function scoreRatings(labels: RatingLabels): ScoredRatings {
  return {
    quality: { label: labels.quality, score: scoreOf('quality', labels.quality) },
    service: { label: labels.service, score: scoreOf('service', labels.service) },
    awareness: { label: labels.awareness, score: scoreOf('awareness', labels.awareness) },
  };
}

/** Every score is the one its label carries on the scale (the machine re-checks stored reports with it). */
export const scoresFollowScale = (r: ScoredRatings): boolean =>
  RATING_DIMENSIONS.every((d) => (RATING_SCALES[d] as Record<string, number>)[r[d].label] === r[d].score);
