import type { PlanContext } from './plan.context';
import type { ReportPeriod } from './plan.shapes';
import { monthOfWeek } from './report-weeks';

/** The first Beijing date a report period covers. */
export const periodStart = (period: ReportPeriod): string => (period.kind === 'weekly' ? period.weekStarting : `${period.month}-01`);

/** The month an entry is reported in: a weekly summary's is its Monday's. */
export const monthOfPeriod = (period: ReportPeriod): string => (period.kind === 'weekly' ? monthOfWeek(period.weekStarting) : period.month);

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** R-DEV-3: the entries a month's report covers, in the order they were recorded. */
export const entriesOfMonth = (context: PlanContext, month: string): string[] => context.entries.filter((e) => e.month === month).map((e) => e.entryId);

/** The deadline's verdict: targets in plan order, split by whether progress reported them achieved. */
export function deadlineVerdict(context: PlanContext): { achieved: string[]; notAchieved: string[] } {
  const targets = context.content?.targets ?? [];
  return {
    achieved: targets.filter((t) => context.achievedTargets.includes(t.targetId)).map((t) => t.targetId),
    notAchieved: targets.filter((t) => !context.achievedTargets.includes(t.targetId)).map((t) => t.targetId),
  };
}
