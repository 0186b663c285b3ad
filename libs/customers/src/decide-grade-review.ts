import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext, PendingGradeMove } from './customer.context';
import type { CustomerEvent } from './customer.events';
import type { CustomerServices } from './customer.services';
import { ARCHIVE_RECIPIENTS } from './customer.shapes';
import { evaluateMonthOf, reevaluatedGrade, type EvaluationOutcome } from './customer.rules';
import { DEFAULT_GRADE_INDICATORS, GRADING_POLICY, type ProposalBasis } from './grading-policy';

/**
 * R-TIER-4 "计划客户设置星级提货量标准,与其他指标共同考核,确定客户级别" (ADR 0023): tonnage proposes,
 * the sales department decides with the other indicators. A month that moves nothing is recorded
 * as evaluated at once; a move waits as a proposal (task customer.confirm-grade).
 */
export function monthOutcomeEvents(context: CustomerContext, month: string, now: string): CustomerEvent[] {
  const outcome = evaluateMonthOf(context, month, GRADING_POLICY);
  const grade = context.grade ?? 'ordinary';
  const lapse = context.pendingGradeMove ? [lapsed(context.pendingGradeMove, month, now)] : [];
  if (outcome.newGrade === grade) {
    const evaluated = { month, tonnage: outcome.tonnage, band: outcome.band, grade, unchanged: true as const, ruleId: outcome.ruleId, evaluatedAt: now, policy: GRADING_POLICY };
    return [...lapse, { type: 'MonthEvaluated', data: evaluated }];
  }
  return [...lapse, proposed(month, grade, outcome, 'monthly_evaluation', now)];
}

/**
 * A late correction to the latest evaluated month under review: the re-run is proposed again (one
 * step from the grade it awarded, as before ADR 0023), or a pending proposal it no longer supports
 * lapses. A planned customer is never proposed back to online auction (新开发客户 is an entry grade).
 */
export function reviewedReevaluation(context: CustomerContext, month: string, monthKg: number, now: string): CustomerEvent[] {
  const record = context.evaluations[month];
  if (month !== context.lastEvaluatedMonth || !record || context.grade !== record.gradeAfter) return [];
  const outcome = reevaluatedGrade(context, month, monthKg, GRADING_POLICY);
  const pending = context.pendingGradeMove?.month === month ? context.pendingGradeMove : null;
  if (outcome.newGrade === record.gradeAfter || outcome.newGrade === 'online_auction') return pending ? [lapsed(pending, month, now)] : [];
  return [proposed(month, record.gradeAfter, outcome, 'reevaluation', now)];
}

function proposed(month: string, currentGrade: PendingGradeMove['currentGrade'], outcome: EvaluationOutcome, basis: ProposalBasis, now: string): CustomerEvent {
  const data = { month, tonnage: outcome.tonnage, band: outcome.band, currentGrade, proposedGrade: outcome.newGrade, basis, ruleId: outcome.ruleId, policy: GRADING_POLICY, proposedAt: now };
  return { type: 'GradeMoveProposed', data };
}

const lapsed = (pending: PendingGradeMove, supersededBy: string, now: string): CustomerEvent => ({
  type: 'GradeMoveLapsed', data: { month: pending.month, proposedGrade: pending.proposedGrade, supersededBy, lapsedAt: now },
});

function pendingFor(context: CustomerContext, month: string): PendingGradeMove {
  const pending = context.pendingGradeMove;
  if (!pending) throw new DomainRuleViolation('R-TIER-4', 'no proposed grade move waits for review', 'data.month');
  if (pending.month !== month) throw new DomainRuleViolation('R-TIER-4', `the proposed move waiting for review is ${pending.month}'s, not ${month}'s`, 'data.month');
  return pending;
}

function reviewOf(command: CustomerCommandOf<'ConfirmGradeMove' | 'HoldGradeMove'>, services: CustomerServices) {
  const indicators = services.gradeIndicators ?? DEFAULT_GRADE_INDICATORS;
  const { indicator, reason } = command.data;
  if (!indicators.includes(indicator)) throw new DomainRuleViolation('R-TIER-4', `indicator ${indicator} is not one of the configured indicators (${indicators.join(', ')})`, 'data.indicator');
  return { indicator, reason, by: command.meta.actor.id };
}

/** Confirming applies exactly the proposed step; an online-auction customer thereby becomes a planned one (R-TIER-2). */
export function confirmGradeMove(command: CustomerCommandOf<'ConfirmGradeMove'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const pending = pendingFor(context, command.data.month);
  const review = reviewOf(command, services);
  const { month, tonnage, band, currentGrade, proposedGrade } = pending;
  const ruleId = currentGrade === 'online_auction' ? 'R-TIER-2' : 'R-TIER-4';
  const changed: CustomerEvent = {
    type: 'CustomerGradeChanged',
    data: { month, tonnage, band, previousGrade: currentGrade, newGrade: proposedGrade, cause: 'reviewed_evaluation', ruleId, changedAt: command.meta.now, review },
  };
  if (currentGrade !== 'online_auction' || !context.class) return [changed];
  const cls = { before: context.class, after: { ...context.class, salesForm: 'planned' as const } };
  const reason = `R-TIER-2: ${month} 提货 ${tonnage} 吨达到星级提货量标准，由网拍客户转为计划客户`;
  const becamePlanned: CustomerEvent = {
    type: 'CustomerInformationChanged', data: { changes: { class: cls }, reason, changedBy: command.meta.actor.id, changedAt: command.meta.now, notify: ARCHIVE_RECIPIENTS },
  };
  return [becamePlanned, changed];
}

export function holdGradeMove(command: CustomerCommandOf<'HoldGradeMove'>, context: CustomerContext, services: CustomerServices): CustomerEvent[] {
  const pending = pendingFor(context, command.data.month);
  const review = reviewOf(command, services);
  return [{ type: 'GradeMoveHeld', data: { month: pending.month, currentGrade: pending.currentGrade, proposedGrade: pending.proposedGrade, review, heldAt: command.meta.now } }];
}
