import { z } from 'zod';

/**
 * R-TIER-4 "与其他指标共同考核,确定客户级别" (ADR 0023): the policy version an evaluation was made
 * under. Evaluations recorded without it (before the review step) keep their old meaning on
 * replay: the tonnage move applied at once and an online-auction customer never moved by tonnage.
 * Under this version the evaluation only PROPOSES the move; the sales department confirms or holds
 * it, and an online-auction customer whose month reaches the first star standard is proposed as a
 * planned customer (R-TIER-2 网拍客户: 新开发客户).
 */
export const GRADING_POLICY = 'grading-review-2026-12' as const;
export const GradingPolicy = z.literal(GRADING_POLICY);

/**
 * The "other indicators" a reviewer names when confirming or holding a proposed move (configured in
 * CustomerServices.gradeIndicators; these are the defaults the issue lists: payment record,
 * complaints, cooperation).
 */
export const DEFAULT_GRADE_INDICATORS: readonly string[] = ['payment_record', 'complaints', 'cooperation'];

/** Why a move was proposed: the month's own evaluation, or a late correction re-running the latest month. */
export const ProposalBasis = z.enum(['monthly_evaluation', 'reevaluation']);
export type ProposalBasis = z.infer<typeof ProposalBasis>;
