import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { evolveCustomer } from './customer.evolve';
import { nextMonthToEvaluate } from './customer.rules';
import { monthOutcomeEvents } from './decide-grade-review';
import { endOfShanghaiMonth } from './shanghai-time';

/** A scheduler that was down a few years catches up; beyond that something is wrong. */
const MAX_CATCH_UP_MONTHS = 36;

/**
 * R-TIER-2/3/4: evaluates every month not yet evaluated up to `month`, in order, because each
 * month's step starts from the grade the previous month left (a move only proposed, not yet
 * confirmed, left the grade where it was: ADR 0023). An already evaluated month is a
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
  let months = 0;
  for (let month = first; month <= data.month; month = nextMonthToEvaluate(ctx) ?? '9999-12') {
    if (++months > MAX_CATCH_UP_MONTHS) throw new DomainRuleViolation('R-TIER-4', `more than ${MAX_CATCH_UP_MONTHS} months to catch up; evaluate earlier months first`, 'data.month');
    for (const event of monthOutcomeEvents(ctx, month, meta.now)) {
      events.push(event);
      ctx = { ...ctx, ...evolveCustomer(ctx, event) };
    }
  }
  return events;
}
