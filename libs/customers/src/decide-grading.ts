import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { evaluateMonthOf, nextMonthToEvaluate } from './customer.rules';
import { endOfShanghaiMonth } from './shanghai-time';

/** A scheduler that was down a few years catches up; beyond that something is wrong. */
const MAX_CATCH_UP_MONTHS = 36;

/**
 * R-TIER-2/3/4: evaluates every month not yet evaluated up to `month`, in order, because each
 * month's step starts from the grade the previous month left. An already evaluated month is a
 * no-op (the scheduler may fire twice); corrections re-run months through the pickup commands.
 */
export function evaluateMonth(command: CustomerCommandOf<'EvaluateMonth'>, context: CustomerContext): CustomerEvent[] {
  const { data, meta } = command;
  if (context.productLine !== 'polyolefin') throw new DomainRuleViolation('R-TIER-2', 'only polyolefin customers are graded by monthly tonnage', 'data.month');
  if (meta.now < endOfShanghaiMonth(data.month)) throw new DomainRuleViolation('R-TIER-2', `${data.month} is not over yet`, 'data.month');
  const first = nextMonthToEvaluate(context);
  if (first === null) return [];
  if (data.month < first) {
    if (context.evaluations[data.month]) return [];
    throw new DomainRuleViolation('R-TIER-2', `${data.month} is before the customer's archive was opened`, 'data.month');
  }
  const events: CustomerEvent[] = [];
  let ctx = context;
  for (let month = first; month <= data.month; month = nextMonthToEvaluate(ctx) ?? '9999-12') {
    if (events.length >= MAX_CATCH_UP_MONTHS) throw new DomainRuleViolation('R-TIER-4', `more than ${MAX_CATCH_UP_MONTHS} months to catch up; evaluate earlier months first`, 'data.month');
    const event = evaluationEvent(ctx, month, meta.now);
    events.push(event);
    ctx = { ...ctx, ...evolveCustomer(ctx, event) };
  }
  return events;
}

function evaluationEvent(context: CustomerContext, month: string, now: string): CustomerEvent {
  const outcome = evaluateMonthOf(context, month);
  const grade = context.grade ?? 'ordinary';
  if (outcome.newGrade === grade) {
    return { type: 'MonthEvaluated', data: { month, tonnage: outcome.tonnage, band: outcome.band, grade, unchanged: true, ruleId: outcome.ruleId, evaluatedAt: now } };
  }
  const data = { month, tonnage: outcome.tonnage, band: outcome.band, previousGrade: grade, newGrade: outcome.newGrade, cause: 'monthly_evaluation' as const, ruleId: outcome.ruleId, changedAt: now };
  return { type: 'CustomerGradeChanged', data };
}
