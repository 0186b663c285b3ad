import { z } from 'zod';

/** R-EVAL-2: what the review decides for each customer — keep the grade of service, move it up or down, or end it. */
export const ReviewOutcome = z.enum(['keep', 'up', 'down', 'exit']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** 'YYYY-Q1..Q4' (季度), 'YYYY-H1|H2' (半年度) or 'YYYY' (年度). */
export const ReviewPeriod = z.string().regex(/^20\d{2}(-Q[1-4]|-H[12])?$/, "R-EVAL-2: a period 'YYYY', 'YYYY-H1|H2' or 'YYYY-Q1..Q4'");

/**
 * R-EVAL-2 "季度评审结果…向公司经营例会汇报，年度评审结果向产品经销公司总经理办公会汇报": quarterly results go to
 * the company's business meeting, yearly ones to the distribution company's GM office meeting. The
 * text names no meeting for half-yearly results: they go with the quarter they close (经营例会).
 */
export const ReviewMeeting = z.enum(['公司经营例会', '产品经销公司总经理办公会']);
export type ReviewMeeting = z.infer<typeof ReviewMeeting>;
export const meetingFor = (period: string): ReviewMeeting => (period.length === 4 ? '产品经销公司总经理办公会' : '公司经营例会');

/** The review one product line's allocation of `month` follows (R-ALLOC-2): the last quarter closed before the month. */
export function reviewPeriodBefore(month: string): string {
  const year = Number(month.slice(0, 4));
  const quarter = Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

/** the stream key under `periodic-review-`: `<productLine>.<period>` */
export const reviewIdOf = (productLine: string, period: string): string => `${productLine}.${period}`;
