import type { PlanContext } from './plan.context';
import type { ManagerCompletion } from './plan.shapes';
import { beijingDate } from './report-weeks';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The quarter (YYYY-Qn) a Beijing date falls in. */
export const quarterOf = (isoDate: string): string => `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;

/** The instant a quarter ends: midnight, Beijing time, at the start of the next quarter's first day. */
export function quarterEnd(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return new Date(Date.UTC(year, q * 3, 1) - BEIJING_OFFSET_MS).toISOString();
}

/**
 * R-DEV-2 根据完成情况进行考核兑现: each manager's completion, from what the plan recorded — the
 * targets split to them, those a progress entry reported achieved, and those whose prospect was
 * converted within the plan's quarter. Managers in the order their first target appears.
 */
export function completionByManager(context: PlanContext): ManagerCompletion[] {
  const targets = context.content?.targets ?? [];
  const quarter = context.content?.quarter;
  const managers = [...new Set(targets.flatMap((t) => (t.customerManagerId ? [t.customerManagerId] : [])))];
  const convertedInQuarter = new Set(context.conversions.filter((c) => quarterOf(beijingDate(c.convertedAt)) === quarter).map((c) => c.targetId));
  return managers.map((customerManagerId) => {
    const mine = targets.filter((t) => t.customerManagerId === customerManagerId).map((t) => t.targetId);
    const achieved = mine.filter((t) => context.achievedTargets.includes(t));
    const converted = mine.filter((t) => convertedInQuarter.has(t));
    return { customerManagerId, targetIds: mine, achieved, converted, completed: mine.filter((t) => achieved.includes(t) || converted.includes(t)) };
  });
}

/** The managers the open assessment still waits on. */
export const managersYetToAssess = (context: PlanContext): string[] =>
  (context.assessment?.managers ?? []).map((m) => m.customerManagerId).filter((m) => !context.assessed.some((a) => a.customerManagerId === m));
