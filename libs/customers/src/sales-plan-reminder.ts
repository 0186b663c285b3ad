import { DomainRuleViolation } from '@crm/workflow-kit';
import type { CustomerCommandOf } from './customer.commands';
import type { CustomerContext } from './customer.context';
import type { CustomerEvent } from './customer.events';
import { addMonths, monthOf, shanghaiDate, startOfShanghaiDay } from './shanghai-time';

/**
 * R-TIER-7 "独家代理商每月向公司提供下月销售计划": the text names no day, so the product sets one
 * (ADR 0023): next month's plan is due by the end of the 25th, leaving the rest of the month to
 * file it. Changing the day is a policy change: timers already armed keep theirs.
 */
export const SALES_PLAN_DUE_DAY = 25;
const MAX_CATCH_UP_MONTHS = 36;

/** The instant the plan for `month` is overdue: the end of the due day of the month before (Asia/Shanghai). */
export const salesPlanDueAt = (month: string): string => startOfShanghaiDay(`${addMonths(month, -1)}-${String(SALES_PLAN_DUE_DAY + 1).padStart(2, '0')}`);

const isExclusiveAgent = (c: CustomerContext) => c.productLine === 'other_chemicals' && c.class?.salesObject === 'exclusive_agent';

/**
 * The next plan month to check: after the last one recorded missing (or the opening month; an agent
 * opened after the due day starts with the month after next), skipping months already planned.
 */
export function nextSalesPlanMonth(context: CustomerContext): string | null {
  if (!isExclusiveAgent(context) || !context.openedAt) return null;
  const opened = shanghaiDate(context.openedAt);
  const base = context.salesPlansCheckedThrough ?? (Number(opened.slice(8, 10)) > SALES_PLAN_DUE_DAY ? addMonths(monthOf(opened), 1) : monthOf(opened));
  let month = addMonths(base, 1);
  while (context.salesPlans[month]) month = addMonths(month, 1);
  return month;
}

/**
 * Timer: records every plan month whose due day passed without a plan. The customer manager is told
 * while the plan can still be filed; a month already begun (a scheduler that was down, an archive
 * older than this rule) is recorded as late and tells nobody.
 */
export function checkSalesPlan(command: CustomerCommandOf<'CheckSalesPlan'>, context: CustomerContext, state: string): CustomerEvent[] {
  const { data, meta } = command;
  if (state !== 'open.active' || nextSalesPlanMonth(context) !== data.month) return [];
  if (meta.now < salesPlanDueAt(data.month)) throw new DomainRuleViolation('R-TIER-7', `the ${data.month} plan is due by ${salesPlanDueAt(data.month)}`, 'data.month');
  const events: CustomerEvent[] = [];
  let ctx = context;
  for (let month = data.month; salesPlanDueAt(month) <= meta.now && events.length < MAX_CATCH_UP_MONTHS; month = nextSalesPlanMonth(ctx) as string) {
    const late = meta.now >= startOfShanghaiDay(`${month}-01`);
    const missing = { month, dueAt: salesPlanDueAt(month), late, customerManagerId: context.customerManagerId ?? 'unassigned', checkedAt: meta.now, notify: late ? [] : ['customer_manager' as const] };
    events.push({ type: 'SalesPlanMissing', data: missing });
    ctx = { ...ctx, salesPlansCheckedThrough: month };
  }
  return events;
}
