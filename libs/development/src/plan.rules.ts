import type { PlanContext } from './plan.context';
import type { ReportPeriod } from './plan.shapes';

/** The first Beijing date a report period covers. */
export const periodStart = (period: ReportPeriod): string => (period.kind === 'weekly' ? period.weekStarting : `${period.month}-01`);

/** The deadline's verdict: targets in plan order, split by whether progress reported them achieved. */
export function deadlineVerdict(context: PlanContext): { achieved: string[]; notAchieved: string[] } {
  const targets = context.content?.targets ?? [];
  return {
    achieved: targets.filter((t) => context.achievedTargets.includes(t.targetId)).map((t) => t.targetId),
    notAchieved: targets.filter((t) => !context.achievedTargets.includes(t.targetId)).map((t) => t.targetId),
  };
}
