import type { PlanItem } from './visit-plan.events';

export interface VisitPlanContext {
  planId: string | null;
  year: number | null;
  managerId: string | null;
  items: PlanItem[];
  approvedBy: string | null;
  approvedAt: string | null;
}

export const INITIAL_VISIT_PLAN_CONTEXT: VisitPlanContext = { planId: null, year: null, managerId: null, items: [], approvedBy: null, approvedAt: null };
