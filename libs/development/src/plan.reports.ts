import { DomainRuleViolation } from '@crm/workflow-kit';
import { actingRole, DevelopmentRule, MONTHLY_REPORT_RECIPIENTS, PLAN_DRAFTER_ROLES } from './development.rules';
import type { PlanCommandOf } from './plan.commands';
import type { PlanContext } from './plan.context';
import type { PlanEvent } from './plan.events';
import { deadlineVerdict, entriesOfMonth, periodStart } from './plan.rules';
import { beijingDate } from './report-weeks';

/**
 * R-DEV-3 客户经理…提交月度完成情况上报部门经理、总经理: the month's completion goes up once per plan
 * and month, naming the department manager and the GM; the outbox tells each of them once.
 */
export function submitMonthlyReport(command: PlanCommandOf<'SubmitMonthlyDevelopmentReport'>, context: PlanContext): PlanEvent[] {
  const { actor, now: at } = command.meta;
  const role = actingRole(actor, PLAN_DRAFTER_ROLES, DevelopmentRule.progress, 'submitting the monthly development report');
  const { month, summary } = command.data;
  if (context.monthlyReports.includes(month)) throw new DomainRuleViolation(DevelopmentRule.progress, `the report for ${month} is already submitted`, 'month');
  if (periodStart({ kind: 'monthly', month }) > beijingDate(at)) throw new DomainRuleViolation(DevelopmentRule.progress, 'a month is reported once it has begun', 'month');
  return [{
    type: 'DevelopmentMonthlyReportSubmitted',
    data: { month, summary, entryIds: entriesOfMonth(context, month), ...deadlineVerdict(context), notify: [...MONTHLY_REPORT_RECIPIENTS], by: actor.id, role, at },
  }];
}
